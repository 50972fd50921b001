// The clean shop: the build passed; the check wrote its reports; every variant compiled.
def log = new File(basedir, 'build.log').text
def sarif = new File(basedir, 'target/lockkit/lockkit.sarif')
def junit = new File(basedir, 'target/lockkit/TEST-lockkit.xml')
assert sarif.isFile() : 'no SARIF report'
assert sarif.text.contains('"version": "2.1.0"') || sarif.text.contains('"version":"2.1.0"') : 'not SARIF 2.1.0'
assert junit.isFile() : 'no JUnit XML report'
assert log.contains('lockkit: 0 errors') : 'the check did not report a clean run'
assert log.contains('lockkit variants: 12 valid configurations') : 'variant count'
assert log.contains('12 variants: 12 compile, 0 fail') : 'not every variant compiled'
assert !log.contains('--classpath') : 'a class path was typed'
// The JUnit checks ran as ordinary tests: one per rule, each dynamic rule one "no findings" test.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.shop.ArchitectureTest.xml')
assert report.isFile() : 'ArchitectureTest did not run'
assert report.text =~ /tests="4"/ : 'expected 4 architecture tests'
assert report.text =~ /failures="0"/
return true
