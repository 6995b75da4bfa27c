/**
 * The codecs behind {@link org.streamml.modelio.ModelIO}: a strict JSON parser, the binary and PMML
 * formats and atomic file writes. Not API.
 */
package org.streamml.modelio.internal;
