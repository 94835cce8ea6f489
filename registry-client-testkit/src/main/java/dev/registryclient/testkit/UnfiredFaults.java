package dev.registryclient.testkit;

import java.util.List;

/** Explains faults that never fired, with what the journal shows about their rules. */
final class UnfiredFaults {
  private UnfiredFaults() {}

  static String describe(List<Fault> unfired, Journal journal) {
    int recorded = journal.all().size();
    StringBuilder message =
        new StringBuilder()
            .append(unfired.size() == 1 ? "a declared fault" : unfired.size() + " declared faults")
            .append(" never fired, so the test did not exercise ")
            .append(unfired.size() == 1 ? "it" : "them")
            .append(" (mark a fault .optional() if it may legitimately not fire):");
    for (Fault fault : unfired) {
      int matched = journal.matching(fault.matcher()).size();
      message
          .append("\n  ")
          .append(fault)
          .append(": its rule matched ")
          .append(matched)
          .append(" of ")
          .append(recorded)
          .append(" requests in the journal");
      if (matched > 0 && fault.kind().isUploadFault()) {
        message.append(
            "; an upload fault fires only on an upload the registry handles (not on a 401 or a"
                + " request another fault answered): a cut or stall on a PATCH, PUT or POST ?digest= whose"
                + " body it reads, a lost session on a request to an open session");
      } else if (matched > 0 && fault.kind().isBodyFault()) {
        message.append(
            "; a body fault fires only on a served body (not on a HEAD, an error or a redirect),"
                + " and only if no earlier fault in the list took the request");
      } else if (matched > 0) {
        message.append("; an earlier fault in the list took those requests");
      }
    }
    return message.toString();
  }
}
