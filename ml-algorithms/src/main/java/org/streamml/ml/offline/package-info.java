/**
 * Offline (whole-dataset) trainers that produce the same model types as the streaming learners, so an
 * offline model can seed a streaming learner: least squares, logistic regression by Newton's method
 * (IRLS) and k-means with k-means++ or k-means|| initialisation and Lloyd iterations.
 */
package org.streamml.ml.offline;
