// The single-instance channel: a second start hands its files to the running window.
#include "shell/InstanceChannel.h"

#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

using cq::ui::InstanceChannel;

class TestInstanceChannel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noRunningInstanceTakesNothing() {
        const InstanceChannel second(uniqueKey());
        QVERIFY(!second.handOver({QStringLiteral("/tmp/a.mp4")}, 500));
    }

    void runningInstanceReceivesTheFiles() {
        const QString key = uniqueKey();
        InstanceChannel first(key);
        QVERIFY(first.listen());
        QSignalSpy handed(&first, &InstanceChannel::filesHandedOver);

        // handOver() blocks until the receiver closes, so it runs where the receiver's loop can turn.
        const QStringList files{QStringLiteral("/home/ana/Videos/launch clip (final).mp4"),
                                QStringLiteral("/home/ana/Bilder/Ärger ✓.jpg")};
        bool taken = false;
        QThread *sender = QThread::create([&] { taken = InstanceChannel(key).handOver(files, 5000); });
        sender->start();
        QVERIFY(handed.wait(10000));
        QVERIFY(sender->wait(10000));
        delete sender;
        QVERIFY(taken);
        QCOMPARE(handed.first().first().toStringList(), files);
    }

    void emptyHandOverOnlyAsksForTheWindow() {
        const QString key = uniqueKey();
        InstanceChannel first(key);
        QVERIFY(first.listen());
        QSignalSpy handed(&first, &InstanceChannel::filesHandedOver);
        QThread *sender = QThread::create([&] { InstanceChannel(key).handOver({}, 5000); });
        sender->start();
        QVERIFY(handed.wait(10000));
        QVERIFY(sender->wait(10000));
        delete sender;
        QVERIFY(handed.first().first().toStringList().isEmpty());
    }

    void otherDataFoldersHaveTheirOwnChannel() {
        QCOMPARE(InstanceChannel::channelName(QStringLiteral("/data/a")),
                 InstanceChannel::channelName(QStringLiteral("/data/a")));
        QVERIFY(InstanceChannel::channelName(QStringLiteral("/data/a"))
                != InstanceChannel::channelName(QStringLiteral("/data/b")));
    }

    void garbageFromAStrayClientIsIgnored() {
        const QString key = uniqueKey();
        InstanceChannel first(key);
        QVERIFY(first.listen());
        QSignalSpy handed(&first, &InstanceChannel::filesHandedOver);
        QLocalSocket stray;
        stray.connectToServer(InstanceChannel::channelName(key));
        QVERIFY(stray.waitForConnected(5000));
        stray.write(QByteArray("\xff\xff\xff\x7f not a list", 16));
        stray.flush();
        QTest::qWait(200);
        QCOMPARE(handed.count(), 0);
    }

private:
    static QString uniqueKey() { return QUuid::createUuid().toString(); }
};

QTEST_GUILESS_MAIN(TestInstanceChannel)
#include "tst_instancechannel.moc"
