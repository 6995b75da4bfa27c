/** Implementation helpers of the datasets module; not API. */
package org.streamml.datasets.internal;
