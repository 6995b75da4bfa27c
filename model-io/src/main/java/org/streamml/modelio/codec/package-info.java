/**
 * The model codec service: one {@link org.streamml.modelio.codec.ModelCodec} per model type, found by
 * {@link org.streamml.modelio.codec.ModelCodecs} through {@code ServiceLoader}; a new model type plugs
 * into every model file format by adding one codec.
 */
package org.streamml.modelio.codec;
