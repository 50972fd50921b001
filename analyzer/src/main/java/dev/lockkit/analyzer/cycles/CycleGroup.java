package dev.lockkit.analyzer.cycles;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.graph.Level;
import java.util.List;

/**
 * One strongly connected group of nodes at one level, with everything a report needs.
 *
 * @param level the graph level
 * @param members the node names, sorted
 * @param edges every edge between two members
 * @param witness one shortest cycle, as its edges in order (the last edge returns to the first
 *     edge's source)
 * @param cut a small set of edges whose removal makes the group acyclic, sorted by (from, to)
 */
public record CycleGroup(
    Level level, List<String> members, List<Edge> edges, List<Edge> witness, List<Edge> cut) {

  /**
   * An edge of the group.
   *
   * @param from source node name
   * @param to target node name
   * @param references how many source references make up the edge
   * @param locations the first few of those references
   */
  public record Edge(String from, String to, int references, List<Location> locations) {
    public Edge {
      locations = List.copyOf(locations);
    }

    /** {@code from -> to}. */
    public String label() {
      return from + " -> " + to;
    }
  }

  public CycleGroup {
    members = List.copyOf(members);
    edges = List.copyOf(edges);
    witness = List.copyOf(witness);
    cut = List.copyOf(cut);
  }

  /** The stable identity of the group: its sorted members joined by {@code ", "}. */
  public String key() {
    return String.join(", ", members);
  }

  /** Total references behind the suggested cut. */
  public int cutReferences() {
    return cut.stream().mapToInt(Edge::references).sum();
  }
}
