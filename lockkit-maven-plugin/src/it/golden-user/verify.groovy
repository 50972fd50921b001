// The golden user: golden-verify ran the project's own target (operations of its own: hit, read), found by its class name on the test
// class path, and every cell matched its approved file (which records the lost update, hits=1).
def log = new File(basedir, 'build.log').text
def table = new File(basedir, 'target/lockkit/golden.md')
assert table.isFile() : 'no golden table'
assert table.text.contains('two-hits') : 'the scenario is not in the table'
assert log.contains('4 runs, 18 schedules: 4 pass') : 'not every cell passed'
assert new File(basedir, 'approved/two-hits.none.approved.txt').text.contains('hits=1') : 'the lost update is not approved'
// The target's own operations, read from the .scn files by its own vocabulary ('hit PAGE', 'read').
assert new File(basedir, 'approved/hit-and-read.none.approved.txt').text.contains('T1: read = 0') : 'the read is not in the approved text'
return true
