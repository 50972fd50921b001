package fx.scopes;

import fx.config.IfConfig;

/** The only implementation of {@link Clock}, on MMU kernels. */
@IfConfig("MMU")
public final class MmuClock implements Clock {
  @Override
  public long now() {
    return 1;
  }
}
