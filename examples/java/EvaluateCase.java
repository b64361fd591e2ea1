// A Java caller of safeguarding-resolution-server, on the JDK alone
// (java.net.http, Java 11 or later; text blocks need 15, records 16).
//
// Start the service, then run this with its address:
//
//     cargo run --release -p safeguarding-resolution-server -- --listen 127.0.0.1:8080
//     javac -d /tmp/sgr-java examples/java/EvaluateCase.java
//     java -cp /tmp/sgr-java EvaluateCase http://127.0.0.1:8080
//
// It checks the service is up, evaluates CONTRACT section 3's Swindon case
// and prints its stage and deadline, then shows how a refusal comes back:
// a status code (400 invalid JSON, 413 over a limit, 422 anything else)
// with an error document whose code a program branches on. A real caller
// reads the documents with its JSON library (Jackson, Gson); this example
// keeps to the JDK with a small reader at the end of the file.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class EvaluateCase {
    /** A response: its status code and its JSON document. */
    record Answer(int status, Object document) {
        Object get(String... path) {
            Object value = document;
            for (String key : path) {
                value = value instanceof Map<?, ?> map ? map.get(key) : null;
            }
            return value;
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    EvaluateCase(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Answer get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return send(request);
    }

    Answer post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response =
                client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), Json.parse(response.body()));
    }

    public static void main(String[] args) throws Exception {
        EvaluateCase service = new EvaluateCase(args.length > 0 ? args[0] : "http://127.0.0.1:8080");

        Answer health = service.get("/healthz");
        System.out.printf("service: %s, holidays %s, %s policies%n",
                health.get("status"), health.get("holidays_version"), health.get("policies"));

        // Raised on Monday 21 December 2026, escalated to stage 2 on the 23rd.
        Answer answer = service.post("/v1/evaluate", """
                {"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
                 "events": [{"type": "raised", "on": "2026-12-21"},
                            {"type": "escalated", "on": "2026-12-23"}]}
                """);
        if (answer.status() != 200) {
            throw new IllegalStateException("refused: " + answer.get("error", "code"));
        }
        System.out.printf("evaluate: %d %s%n", answer.status(), answer.get("status"));
        System.out.printf("  stage %s, %s, started %s%n", answer.get("stage", "number"),
                answer.get("stage", "name"), answer.get("stage", "started_on"));
        System.out.printf("  due %s; overdue: %s, by %s working day(s)%n",
                answer.get("stage", "due", "date"), answer.get("overdue"),
                answer.get("working_days_overdue"));

        // A first event that is not "raised": refused, 422 with its code.
        Answer refused = service.post("/v1/evaluate", """
                {"policy": "swindon-resolution-2026", "as_of": "2027-01-05",
                 "events": [{"type": "resolved", "on": "2027-01-04"}]}
                """);
        System.out.printf("refused: %d %s at event %s%n", refused.status(),
                refused.get("error", "code"), refused.get("error", "event_index"));

        Answer unknown = service.get("/v1/policies/no-such-policy");
        System.out.printf("definition: %d %s%n", unknown.status(), unknown.get("error", "code"));
    }

    /** Just enough of a JSON reader for the example: objects, arrays, strings, numbers, literals. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json reader = new Json(text);
            Object value = reader.value();
            reader.space();
            if (reader.at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + reader.at);
            }
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private void expect(char c) {
            space();
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
            at++;
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                space();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                do {
                    space();
                    String key = string();
                    expect(':');
                    map.put(key, value());
                    space();
                } while (text.charAt(at++) == ',');
                if (text.charAt(at - 1) != '}') {
                    throw new IllegalArgumentException("expected '}' at " + (at - 1));
                }
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                space();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (text.charAt(at++) == ',');
                if (text.charAt(at - 1) != ']') {
                    throw new IllegalArgumentException("expected ']' at " + (at - 1));
                }
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (text.startsWith(literal, at)) {
                    at += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : Double.valueOf(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }
    }
}
