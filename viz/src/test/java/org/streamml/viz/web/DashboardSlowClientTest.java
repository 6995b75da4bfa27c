package org.streamml.viz.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.sink.FramePacing;

/**
 * A browser that stops reading its event stream never holds up the dashboard: frames go on being drawn
 * and published while its connection is backed up, and once it reads again it is sent the latest state
 * (events coalesce into the current message; nothing queued without bound).
 */
class DashboardSlowClientTest {

    @Test
    void shouldKeepPublishingPastAStalledClientAndSendItTheLatestStateOnceItReads() throws Exception {
        LiveLines chart = LiveLines.metrics("big", List.of("a", "b", "c"), 3000);
        try (DashboardSink web = DashboardSink.start("127.0.0.1", 0, 200, 150, FramePacing.unpaced());
             Socket stalled = new Socket("127.0.0.1", web.address().getPort())) {
            web.add(chart);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /events?page=models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(web.awaitClients(1, 10_000));
            long frames = web.frames();
            int published = 300;
            for (int i = 0; i < published; i++) {
                for (int k = 0; k < 10; k++) {
                    int x = i * 10 + k;
                    chart.append(x, Math.sin(x * 0.37) * 1000.123, Math.cos(x * 0.11) * 77.7, x * 0.001);
                }
                chart.publish();
                // each publish is drawn, whatever the stalled client does
                assertTrue(web.awaitFrames(frames + i + 1, 10_000), "frame " + (i + 1) + " was drawn");
            }
            long last = chart.version();
            BufferedReader in = new BufferedReader(new InputStreamReader(stalled.getInputStream(),
                    StandardCharsets.UTF_8));
            String wanted = "\"version\":" + last + ",";
            long dataLines = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    dataLines++;
                    if (line.contains(wanted)) {
                        break;
                    }
                }
            }
            assertTrue(line != null, "the client got the latest version once it read again");
            assertTrue(dataLines < published, "the stalled client was sent fewer messages than were published ("
                    + dataLines + " of " + published + "): the ones it could not take were skipped");
        }
    }
}
