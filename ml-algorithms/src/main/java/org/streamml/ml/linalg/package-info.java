/**
 * Dense and sparse vectors and the allocation-free kernels (dot, axpy, squared distance) on primitive
 * arrays that every learner's hot loop uses.
 */
package org.streamml.ml.linalg;
