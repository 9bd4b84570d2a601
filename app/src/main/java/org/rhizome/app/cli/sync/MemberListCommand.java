package org.rhizome.app.cli.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rhizome.app.cli.common.CliContext;
import org.rhizome.app.cli.common.ExitCodes;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.Person;
import org.rhizome.graph.membership.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rhizome member list}: every person, their role, devices and standing. */
@Command(
    name = "list",
    description = "List the people of a shared workspace: name, role, devices, removed or not.")
final class MemberListCommand implements Callable<Integer> {
  @Mixin private CliContext cli;

  record DeviceEntry(String key, String fingerprint, String name, boolean revoked, boolean you) {}

  /** {@code role} is "" when the person has none (removed). */
  record PersonEntry(
      String person,
      String fingerprint,
      String name,
      String role,
      boolean removed,
      boolean founder,
      List<DeviceEntry> devices) {}

  record Listing(String workspace, List<PersonEntry> people) {}

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = MemberCommand.shared(cli)) {
      List<PersonEntry> people = new ArrayList<>();
      for (Person p : ws.membership().people()) {
        List<DeviceEntry> devices = new ArrayList<>();
        boolean founder = false;
        for (Person.Device d : p.devices()) {
          Member m = d.member();
          founder |= m.founder();
          devices.add(
              new DeviceEntry(
                  m.device().hex(),
                  m.fingerprint(),
                  m.name(),
                  d.revoked(),
                  m.device().equals(ws.actor())));
        }
        people.add(
            new PersonEntry(
                p.person().hex(),
                Member.fingerprint(p.person()),
                p.name(),
                p.role().map(Role::wireName).orElse(""),
                p.removed(),
                founder,
                devices));
      }
      if (cli.isJson()) {
        cli.printJson(new Listing(cli.workspaceName(), people));
        return ExitCodes.OK;
      }
      int nameWidth = 4;
      for (PersonEntry p : people) {
        nameWidth = Math.max(nameWidth, p.name().length());
      }
      cli.out()
          .println(
              MemberCommand.pad("NAME", nameWidth)
                  + "  "
                  + MemberCommand.pad("ROLE", 7)
                  + "  "
                  + MemberCommand.pad("PERSON", 19)
                  + "  DEVICES");
      for (PersonEntry p : people) {
        StringBuilder devices = new StringBuilder();
        for (DeviceEntry d : p.devices()) {
          if (devices.length() > 0) {
            devices.append(", ");
          }
          devices
              .append(d.name().isEmpty() ? d.fingerprint() : d.name())
              .append(d.revoked() ? " (revoked)" : "")
              .append(d.you() ? " (this device)" : "");
        }
        cli.out()
            .println(
                MemberCommand.pad(p.name(), nameWidth)
                    + "  "
                    + MemberCommand.pad(
                        p.removed() ? "removed" : p.role().isEmpty() ? "-" : p.role(), 7)
                    + "  "
                    + MemberCommand.pad(p.fingerprint(), 19)
                    + "  "
                    + devices);
      }
      cli.out().flush();
    }
    return ExitCodes.OK;
  }
}
