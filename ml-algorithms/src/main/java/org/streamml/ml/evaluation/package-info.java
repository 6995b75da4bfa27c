/**
 * Prequential (test-then-train) evaluation of the streaming learners: every batch is scored by the
 * model before it trains on that batch. Regression (RMSE, MAE, R²), classification (log-loss,
 * accuracy, AUC) and clustering (cost) metrics per batch and as a running summary.
 */
package org.streamml.ml.evaluation;
