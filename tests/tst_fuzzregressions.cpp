// Every input kept under tests/data/fuzz/<target>/ (crashers and hangs the fuzz targets found, and
// the hostile files of issue 14) replayed through the same entry as its fuzz target: each must end
// without a crash and with the target's invariants intact.
#include "FuzzEntries.h"
#include "TestFixtures.h"

#include <QDir>
#include <QTest>

using namespace cq;

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replays_data();
    void replays();
};

void TestFuzzRegressions::replays_data() {
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    const QDir root(cq::test::dataPath(QStringLiteral("fuzz")));
    for (const QString &target : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir inputs(root.filePath(target));
        for (const QString &name : inputs.entryList(QDir::Files)) {
            QTest::newRow(qPrintable(target + u'/' + name)) << target << inputs.filePath(name);
        }
    }
}

void TestFuzzRegressions::replays() {
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray input = file.readAll();
    if (target == u"fuzz_imageheader") {
        QVERIFY(fuzz::imageHeader(input));
    } else if (target == u"fuzz_probe") {
        QVERIFY(fuzz::probe(input));
    } else if (target == u"fuzz_postjson") {
        QVERIFY(fuzz::postJson(input));
    } else if (target == u"fuzz_creatorinfo") {
        QVERIFY(fuzz::creatorInfo(input));
    } else {
        QFAIL(qPrintable(u"no entry for " + target));
    }
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
