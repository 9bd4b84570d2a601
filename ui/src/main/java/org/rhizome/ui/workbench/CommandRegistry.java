package org.rhizome.ui.workbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * Every command of the window, in registration order. Registering installs the shortcut as a scene
 * accelerator once a scene is attached ({@link #attachTo}); later registrations are installed too.
 *
 * <p>FX thread only.
 */
public final class CommandRegistry {
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final List<Scene> scenes = new ArrayList<>();

  /**
   * Adds a command.
   *
   * @throws IllegalArgumentException when the id or the shortcut is already taken
   */
  public Command register(Command command) {
    if (commands.containsKey(command.id())) {
      throw new IllegalArgumentException("command " + command.id() + " is already registered");
    }
    if (command.shortcut() != null) {
      for (Command other : commands.values()) {
        if (command.shortcut().equals(other.shortcut())) {
          throw new IllegalArgumentException(
              "shortcut "
                  + command.shortcutText()
                  + " of "
                  + command.id()
                  + " is taken by "
                  + other.id());
        }
      }
    }
    commands.put(command.id(), command);
    for (Scene scene : scenes) {
      install(scene, command);
    }
    return command;
  }

  /**
   * Shorthand for {@code register(new Command(id, name, shortcut, action))}; shortcut may be null.
   */
  public Command register(String id, String name, KeyCombination shortcut, Runnable action) {
    return register(new Command(id, name, shortcut, action));
  }

  public Optional<Command> find(String id) {
    return Optional.ofNullable(commands.get(id));
  }

  /**
   * Runs a command by id.
   *
   * @throws IllegalArgumentException when no command has that id
   */
  public void run(String id) {
    find(id).orElseThrow(() -> new IllegalArgumentException("no command " + id)).action().run();
  }

  /** All commands, in the order they were registered. */
  public List<Command> all() {
    return Collections.unmodifiableList(new ArrayList<>(commands.values()));
  }

  /** Makes every shortcut (present and future) work in {@code scene}. */
  public void attachTo(Scene scene) {
    scenes.add(scene);
    commands.values().forEach(c -> install(scene, c));
  }

  private static void install(Scene scene, Command command) {
    if (command.shortcut() != null) {
      scene.getAccelerators().put(command.shortcut(), command.action());
    }
  }
}
