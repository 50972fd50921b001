package dev.lockkit.golden.explore;

import dev.lockkit.golden.spi.RunBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the explorer runs: a setup that builds fresh shared state for each schedule, the tasks (task
 * i is named {@code T<i>}) that run concurrently on it, and an outcome extractor that turns the
 * final state into canonical text. Setup and outcome run on the harness thread, unscheduled.
 *
 * @param <S> the shared state of one schedule
 */
public final class Program<S> {

  private final Supplier<S> setup;
  private final List<Consumer<S>> tasks;
  private final Function<S, String> outcome;
  private final RunBinding binding;

  private Program(
      Supplier<S> setup, List<Consumer<S>> tasks, Function<S, String> outcome, RunBinding binding) {
    this.setup = setup;
    this.tasks = List.copyOf(tasks);
    this.outcome = outcome;
    this.binding = binding;
  }

  /** Starts a program whose state each schedule gets from {@code setup}. */
  public static <S> Builder<S> builder(Supplier<S> setup) {
    return new Builder<>(setup);
  }

  S setup() {
    return setup.get();
  }

  List<Consumer<S>> tasks() {
    return tasks;
  }

  String outcome(S state) {
    return outcome.apply(state);
  }

  /** How the program's code reaches the run's scheduler (beyond {@code Scheduling.current()}). */
  public RunBinding binding() {
    return binding;
  }

  /** Number of tasks. */
  public int taskCount() {
    return tasks.size();
  }

  /** Builds a {@link Program}. */
  public static final class Builder<S> {
    private final Supplier<S> setup;
    private final List<Consumer<S>> tasks = new ArrayList<>();
    private Function<S, String> outcome = s -> "";
    private RunBinding binding = RunBinding.NONE;

    private Builder(Supplier<S> setup) {
      this.setup = Objects.requireNonNull(setup, "setup");
    }

    /** Adds the next task ({@code T0}, then {@code T1}...). */
    public Builder<S> task(Consumer<S> body) {
      tasks.add(Objects.requireNonNull(body, "body"));
      return this;
    }

    /** Sets the outcome extractor; its text should be canonical (no hashes, no times). */
    public Builder<S> outcome(Function<S, String> extractor) {
      this.outcome = Objects.requireNonNull(extractor, "extractor");
      return this;
    }

    /**
     * Sets how the program's code reaches the run's scheduler when it calls an SPI of its own: the
     * explorer applies {@code binding} on every thread that runs the program's code (see {@link
     * RunBinding}). Code that uses {@code Scheduling.current()} needs none.
     */
    public Builder<S> binding(RunBinding binding) {
      this.binding = Objects.requireNonNull(binding, "binding");
      return this;
    }

    /** The program. */
    public Program<S> build() {
      if (tasks.isEmpty()) {
        throw new IllegalStateException("a program needs at least one task");
      }
      return new Program<>(setup, tasks, outcome, binding);
    }
  }
}
