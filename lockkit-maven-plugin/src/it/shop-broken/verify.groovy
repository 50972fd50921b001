// The broken shop: the check failed the build, compiler style, naming both planted problems with
// file and line, and still wrote its reports.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('lockkit check failed:') : 'no lockkit failure summary'
assert log =~ /src\/main\/java\/com\/example\/shop\/billing\/Billing\.java:7:\d+: \[cycle\/package\].*suggested cut.*com\.example\.shop\.store -> com\.example\.shop\.billing/ : 'package cycle not reported with its location and cut'
assert log =~ /src\/main\/java\/com\/example\/shop\/store\/MemoryStore\.java:22:\d+: \[layer\/forbidden\]/ : 'layer break not reported'
assert log =~ /src\/main\/java\/com\/example\/shop\/api\/ShopApi\.java:17(:\d+)?: \[gate\/unguarded-reference\].*DISK_STORE=n/ : 'gating bug not reported at ShopApi.java:17 with a witness'
assert new File(basedir, 'target/lockkit/lockkit.sarif').isFile() : 'no SARIF report'
assert new File(basedir, 'target/lockkit/TEST-lockkit.xml').isFile() : 'no JUnit XML report'
// The same problems as JUnit failures (the tests ran with testFailureIgnore so the check goal
// still runs): one failing test per finding, each naming file and line; the frozen rule passes
// because its store lists the cycle.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.shop.ArchitectureTest.xml').text
assert report =~ /tests="4"/ : 'expected 4 architecture tests'
assert report =~ /failures="3"/ : 'expected 3 failing architecture tests'
assert report.contains('src/main/java/com/example/shop/api/ShopApi.java:17:32: [gate/unguarded-reference]')
assert report.contains('src/main/java/com/example/shop/billing/Billing.java:7:17: [cycle/package]')
assert report.contains('src/main/java/com/example/shop/store/MemoryStore.java:22:10: [layer/forbidden]')
return true
