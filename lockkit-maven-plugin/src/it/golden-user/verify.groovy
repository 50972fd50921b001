// The golden user: golden-verify ran the project's own target, found by its class name on the test
// class path, and every cell matched its approved file (which records the lost update, hits=1).
def log = new File(basedir, 'build.log').text
def table = new File(basedir, 'target/lockkit/golden.md')
assert table.isFile() : 'no golden table'
assert table.text.contains('two-hits') : 'the scenario is not in the table'
assert log.contains('2 runs, 12 schedules: 2 pass') : 'not every cell passed'
assert new File(basedir, 'approved/two-hits.none.approved.txt').text.contains('hits=1') : 'the lost update is not approved'
return true
