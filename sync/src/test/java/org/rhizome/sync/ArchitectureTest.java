package org.rhizome.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module rules of docs STYLE §1 for sync, checked on the sources. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java");

    private static List<String> importsOf(String packageDir, String forbidden) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(packageDir))) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import " + forbidden)).map(l -> p + ": " + l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void syncNeverImportsJavaFxUiOrApp() throws IOException {
        assertThat(importsOf("org/rhizome/sync", "javafx.")).isEmpty();
        assertThat(importsOf("org/rhizome/sync", "org.rhizome.ui")).isEmpty();
        assertThat(importsOf("org/rhizome/sync", "org.rhizome.app")).isEmpty();
    }

    @Test
    void protocolLayersDoNotReachUpIntoTheHost() throws IOException {
        for (String layer : List.of("peer", "varint", "multistream", "noise", "yamux", "pnet", "transport", "identify", "ping", "gossip", "mdns")) {
            assertThat(importsOf("org/rhizome/sync/" + layer, "org.rhizome.sync.host")).as(layer).isEmpty();
        }
    }

    @Test
    void identitiesAndEncodingsDependOnNoNetworkLayer() throws IOException {
        for (String layer : List.of("peer", "varint")) {
            assertThat(importsOf("org/rhizome/sync/" + layer, "io.netty.channel")).as(layer).isEmpty();
            assertThat(importsOf("org/rhizome/sync/" + layer, "org.rhizome.sync.transport")).as(layer).isEmpty();
        }
    }
}
