/** Live JFreeChart charts of streams, models and metrics: desktop windows, image files and a web dashboard. */
package org.streamml.viz;
