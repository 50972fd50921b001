package dev.lockkit.golden.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void aScheduleStringRoundTrips() {
    Schedule s = Schedule.parse(" T0@3, T1@12 ,T0@7");
    assertEquals(
        List.of(
            new Schedule.Segment(0, 3), new Schedule.Segment(1, 12), new Schedule.Segment(0, 7)),
        s.segments());
    assertEquals("T0@3,T1@12,T0@7", s.toString());
    assertEquals(Schedule.empty(), Schedule.parse(""));
  }

  @Test
  void malformedEntriesNameTheirPosition() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("T0@3,X1@2"));
    assertEquals("schedule entry 2 'X1@2' is not of the form T<task>@<point>", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse("T0@"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse("T99@1"));
  }

  @Test
  void onlyOperationsWhoseVerbReadsLeaveSpinnersAsleep() {
    assertEquals(true, Diagnostics.isRead("int.getAcquire"));
    assertEquals(true, Diagnostics.isRead("load"));
    assertEquals(false, Diagnostics.isRead("int.compareAndSet"));
    assertEquals(false, Diagnostics.isRead("ref.set"));
  }
}
