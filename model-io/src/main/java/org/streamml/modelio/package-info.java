/** Model files: versioned JSON, compact checksummed binary and PMML 4.4, written atomically. */
package org.streamml.modelio;
