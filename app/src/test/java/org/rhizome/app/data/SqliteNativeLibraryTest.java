package org.rhizome.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
  private static final String ENTRY = "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so";

  @TempDir Path temp;

  @Test
  void extractsOnceThenReusesTheCopyWithoutOpeningTheJar() throws Exception {
    byte[] library = bytes(1, 300_000);
    Path jar = jar(temp.resolve("rhizome.jar"), library);
    Path dir = temp.resolve("cache/native/x");
    AtomicInteger located = new AtomicInteger();
    SqliteNativeLibrary.Locator locator =
        name -> {
          located.incrementAndGet();
          return entryUrl(jar);
        };

    Path first = SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, locator);
    assertThat(first).isEqualTo(dir.resolve("libsqlitejdbc.so"));
    assertThat(Files.readAllBytes(first)).isEqualTo(library);
    FileTime made = Files.getLastModifiedTime(first);

    Path second = SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, locator);
    assertThat(second).isEqualTo(first);
    assertThat(located).hasValue(1); // the hit never asked where the library is
    assertThat(Files.getLastModifiedTime(second)).isEqualTo(made);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("libsqlitejdbc.so", "source"); // no partial files left
    }
  }

  @Test
  void aNewJarOrADamagedCopyIsExtractedAgain() throws Exception {
    Path jar = jar(temp.resolve("rhizome.jar"), bytes(2, 200_000));
    Path dir = temp.resolve("native");
    SqliteNativeLibrary.Locator locator = name -> entryUrl(jar);
    SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, locator);

    byte[] newer = bytes(3, 250_000);
    jar(jar, newer); // a rebuilt jar with another library
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    Path copy = SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, locator);
    assertThat(Files.readAllBytes(copy)).isEqualTo(newer);

    Files.write(copy, new byte[] {1, 2, 3}); // cut short (a full disk, a crash)
    copy = SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, locator);
    assertThat(Files.readAllBytes(copy)).isEqualTo(newer);

    Files.delete(dir.resolve("source"));
    copy = SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, locator);
    assertThat(Files.readAllBytes(copy)).isEqualTo(newer);
  }

  @Test
  void classesFromADirectoryOrNoLibraryInTheJarChangeNothing() throws Exception {
    Path dir = temp.resolve("native");
    assertThat(SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", temp, name -> null)).isNull();
    Path jar = jar(temp.resolve("rhizome.jar"), bytes(4, 10));
    assertThat(SqliteNativeLibrary.prepare(dir, "libsqlitejdbc.so", jar, name -> null)).isNull();
    assertThat(dir).doesNotExist();
  }

  @Test
  void theCacheDirectoryFollowsEachOs() {
    Path home = Path.of("/home/ada").toAbsolutePath();
    assertThat(SqliteNativeLibrary.cacheDirectory(Map.of(), "Linux", home))
        .isEqualTo(home.resolve(".cache/rhizome"));
    Path xdg = Path.of("/xdg/cache").toAbsolutePath();
    assertThat(
            SqliteNativeLibrary.cacheDirectory(
                Map.of("XDG_CACHE_HOME", xdg.toString()), "Linux", home))
        .isEqualTo(xdg.resolve("rhizome"));
    assertThat(
            SqliteNativeLibrary.cacheDirectory(Map.of("XDG_CACHE_HOME", "relative"), "Linux", home))
        .isEqualTo(home.resolve(".cache/rhizome"));
    assertThat(SqliteNativeLibrary.cacheDirectory(Map.of(), "Mac OS X", home))
        .isEqualTo(home.resolve("Library/Caches/Rhizome"));
    assertThat(SqliteNativeLibrary.cacheDirectory(Map.of(), "Windows 11", home))
        .isEqualTo(home.resolve("AppData/Local/Rhizome/cache"));
    assertThat(SqliteNativeLibrary.directoryName()).matches("sqlite-[A-Za-z0-9._-]+");
  }

  private static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static Path jar(Path file, byte[] library) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("README"));
      jar.write("not the library".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      jar.closeEntry();
      jar.putNextEntry(new JarEntry(ENTRY));
      jar.write(library);
      jar.closeEntry();
    }
    return file;
  }

  private static URL entryUrl(Path jar) throws IOException {
    URL url = new URL("jar:" + jar.toUri() + "!/" + ENTRY);
    url.openConnection().setDefaultUseCaches(false); // a rewritten jar is read afresh
    return url;
  }
}
