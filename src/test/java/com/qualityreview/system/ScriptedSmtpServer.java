package com.qualityreview.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server on loopback that can misbehave where GreenMail cannot: it can take a
 * message's data up to the final dot and then never answer (as a server that crashed or a network
 * that broke at the worst moment), or never greet at all. What it took is kept as raw text.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** One message whose data (up to and including the final dot) reached this server. */
    public record Received(String recipient, String messageId, String data, boolean answered) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> silentAfterData = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean silentGreeting;

    public ScriptedSmtpServer() throws IOException {
        this(0);
    }

    /** On this port: where the application under test already sends (spring.mail.port). */
    public ScriptedSmtpServer(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages for this recipient are taken up to the final dot, and then there is no reply. */
    public ScriptedSmtpServer silentAfterDataFor(String recipient) {
        silentAfterData.add(recipient);
        return this;
    }

    public ScriptedSmtpServer answerEveryone() {
        silentAfterData.clear();
        silentGreeting = false;
        return this;
    }

    /** New connections get no greeting at all. */
    public ScriptedSmtpServer silentGreeting() {
        silentGreeting = true;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedBy(String recipient) {
        return received.stream().filter(r -> r.recipient().equals(recipient)).toList();
    }

    /** Waits until this many messages' data has arrived. */
    public void awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the SMTP server received " + received.size() + " messages, not " + count + ", within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread conversation = new Thread(() -> converse(socket), "scripted-smtp-conversation");
                conversation.setDaemon(true);
                conversation.start();
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            if (silentGreeting) {
                hang(socket);
                return;
            }
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        recipient = line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1");
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        for (String dataLine; (dataLine = in.readLine()) != null && !dataLine.equals("."); ) {
                            data.append(dataLine).append("\r\n");
                        }
                        boolean answer = !silentAfterData.contains(recipient);
                        Matcher id = MESSAGE_ID.matcher(data);
                        received.add(new Received(recipient, id.find() ? id.group(1) : null, data.toString(), answer));
                        if (!answer) {
                            hang(socket);
                            return;
                        }
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        }
        catch (IOException e) {
            // The client went away.
        }
        finally {
            open.remove(socket);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Keeps the connection open without a word until the client gives up or the server closes. */
    private static void hang(Socket socket) throws IOException {
        while (!socket.isClosed() && socket.getInputStream().read() >= 0) {
            // Swallow whatever comes (a client's QUIT): no reply.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
