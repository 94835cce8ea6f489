package dev.registryclient.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback addresses for servers that must look like different hosts. */
public final class Loopback {
  private Loopback() {}

  /**
   * 127.0.0.2 where it can be bound, else 127.0.0.1. A CDN on 127.0.0.2 is a different host, as it
   * is in production; Linux routes all of 127/8 to lo, other systems may not.
   */
  public static InetAddress secondary() {
    try {
      InetAddress second = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
      try (ServerSocket probe = new ServerSocket(0, 1, second)) {
        return probe.getInetAddress();
      }
    } catch (IOException e) {
      return InetAddress.getLoopbackAddress();
    }
  }
}
