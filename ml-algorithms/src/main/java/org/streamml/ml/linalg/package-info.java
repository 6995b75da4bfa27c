/**
 * Dense and sparse vectors and the allocation-free kernels (dot, axpy, squared distance) on primitive
 * arrays that every learner's hot loop uses. Vectors print and {@link org.streamml.ml.linalg.Vectors#parse
 * parse} in Spark MLlib's text forms, {@code [1.0,2.0]} and {@code (3,[0,2],[1.0,3.0])}.
 */
package org.streamml.ml.linalg;
