/** File output shared by every module: files written whole or not at all ({@link org.streamml.streaming.io.AtomicFile}). */
package org.streamml.streaming.io;
