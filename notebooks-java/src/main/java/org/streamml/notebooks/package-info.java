/** Runs the project's jshell notebooks ({@code .jsh}) headless and reports the first failing statement. */
package org.streamml.notebooks;
