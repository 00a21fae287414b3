package eres.app.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket client (no
 * Selenium, nothing downloaded at test time): loads a page, records console errors, exceptions and
 * every request, evaluates expressions on the rendered DOM and takes screenshots.
 *
 * <p>Started with the flags this machine needs (no sandbox as root, no GPU, no background networking,
 * a new empty profile): see .ci/run and /work/.library/env/machines/java-maven.md.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private String session;

    /** The chromium executable on this machine, if any (Debian: /usr/bin/chromium). */
    static Optional<Path> find() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                for (String name : List.of("chromium", "chromium-browser")) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static List<String> flags(Path profile) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--user-data-dir=" + profile);
    }

    Chromium(Path executable, Path scratch) throws Exception {
        this.profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(executable.toString()));
        cmd.addAll(flags(profile));
        cmd.addAll(List.of("--remote-debugging-port=0", "--window-size=1280,2000", "about:blank"));
        this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(scratch.resolve("chromium.log").toFile()).start();
        Path port = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(port) && Files.readAllLines(port).size() >= 2)) {
            if (!process.isAlive()) throw new IOException("chromium exited: " + Files.readString(scratch.resolve("chromium.log")));
            if (System.nanoTime() > deadline) throw new IOException("chromium did not open its DevTools port in 60 s");
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(port);
        URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new Listener()).get(30, TimeUnit.SECONDS);
    }

    /** Opens a new page and enables the domains that report errors and requests. */
    void openPage() throws Exception {
        String target = call("Target.createTarget", obj().put("url", "about:blank"), false).get("targetId").asText();
        session = call("Target.attachToTarget", obj().put("targetId", target).put("flatten", true), false).get("sessionId").asText();
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) call(domain + ".enable", obj(), true);
    }

    /** Navigates and waits for the load event. */
    void load(String url) throws Exception {
        events.clear();
        call("Page.navigate", obj().put("url", url), true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
            if (System.nanoTime() > deadline) throw new IOException("page did not load in 60 s: " + url);
            Thread.sleep(20);
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its JSON value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", obj().put("expression", expression).put("returnByValue", true), true);
        if (r.has("exceptionDetails")) throw new IOException("evaluation failed: " + r.get("exceptionDetails"));
        return r.get("result").get("value");
    }

    /** A PNG of the top of the page, {@code width} x {@code height} CSS pixels. */
    void screenshot(Path file, int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", obj().put("width", width).put("height", height).put("deviceScaleFactor", 1)
                .put("mobile", false), true);
        JsonNode r = call("Page.captureScreenshot", obj().put("format", "png"), true);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    /**
     * A PNG of one element (the first matching {@code selector}), at {@code scale} device pixels per CSS pixel
     * and a viewport {@code width} CSS pixels wide; returns the element's box {x, y, width, height} in CSS pixels.
     */
    double[] screenshotElement(Path file, String selector, int width, double scale) throws Exception {
        call("Emulation.setDeviceMetricsOverride", obj().put("width", width).put("height", 1200).put("deviceScaleFactor", scale)
                .put("mobile", false), true);
        JsonNode box = evaluate("(() => { const r = document.querySelector(" + JSON.writeValueAsString(selector)
                + ").getBoundingClientRect(); return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; })()");
        double[] b = {box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(), box.get(3).asDouble()};
        ObjectNode clip = obj().put("x", b[0]).put("y", b[1]).put("width", b[2]).put("height", b[3]).put("scale", 1);
        JsonNode r = call("Page.captureScreenshot", obj().put("format", "png").put("captureBeyondViewport", true).set("clip", clip), true);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
        return b;
    }

    /** Console errors, uncaught exceptions and error log entries since the last load. */
    List<String> errors() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String m = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (m) {
                case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails").path("text").asText());
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) out.add("console." + type + ": " + p.path("args"));
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) out.add("log: " + p.path("entry").path("text").asText());
                }
                case "Network.loadingFailed" -> out.add("request failed: " + p.path("errorText").asText());
                default -> {
                }
            }
        }
        return out;
    }

    /** Every URL the page requested since the last load. */
    List<String> requests() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("method").asText().equals("Network.requestWillBeSent")) out.add(e.path("params").path("request").path("url").asText());
        }
        return out;
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private JsonNode call(String method, ObjectNode params, boolean inSession) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = obj().put("id", id).put("method", method);
        msg.set("params", params);
        if (inSession) msg.put("sessionId", session);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) throw new IOException(method + ": " + r.get("error"));
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(buffer.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) f.complete(m);
                    } else {
                        events.add(m);
                    }
                } catch (IOException e) {
                    events.add(JSON.createObjectNode().put("method", "parse-error").put("text", e.getMessage()));
                }
                buffer.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            call("Browser.close", obj(), false);
        } catch (Exception ignored) {
            // the browser may close before answering
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
