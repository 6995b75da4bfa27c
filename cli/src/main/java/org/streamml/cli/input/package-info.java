/**
 * Reading training and prediction input for the command line: CSV (optional header, label first) and
 * LibSVM (1-based indices), with errors that name the file, line and field.
 */
package org.streamml.cli.input;
