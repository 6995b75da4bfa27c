/**
 * Immutable models: linear and logistic regression and k-means. Each carries its version (batches
 * applied) and the time of the last batch it applied; an update returns a new model.
 */
package org.streamml.ml.model;
