package dev.registryclient.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Makes the objects picocli instantiates itself (mixins, converters), handing {@link MirrorOptions}
 * the default registries configuration of this run.
 */
final class CommandFactory implements IFactory {
  private final StandardRegistriesConf registriesConf;

  CommandFactory(StandardRegistriesConf registriesConf) {
    this.registriesConf = registriesConf;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == MirrorOptions.class) {
      return type.cast(new MirrorOptions(registriesConf));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
