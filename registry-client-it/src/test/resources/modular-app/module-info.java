/** An application that embeds registry-client as a named module, the way a modular user would. */
module app {
  requires dev.registryclient.oci;
}
