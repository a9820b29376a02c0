package ai.atelier.cli;

import java.io.IOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A local server speaking a provider's wire format, answering every request through one handler (a 500 if it throws). */
final class WireServer {
    private WireServer() {}

    interface Handler {
        MockResponse answer(RecordedRequest request) throws Exception;
    }

    static MockWebServer start(Handler handler) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                try {
                    return handler.answer(r);
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"" + e + "\"}}").build();
                }
            }
        });
        server.start();
        return server;
    }
}
