#include "TestFixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace cq::test {

namespace {
QString fromEnvironment(const char *variable, const QString &name) {
    const QString folder = qEnvironmentVariable(variable);
    if (folder.isEmpty()) {
        qFatal("%s is not set; run the tests through ctest", variable);
    }
    return QDir(folder).filePath(name);
}
} // namespace

QString fixturePath(const QString &name) {
    const QString path = fromEnvironment("CLIPQUEUE_TEST_FIXTURES", name);
    if (!QFileInfo::exists(path)) {
        qWarning("fixture %s is missing: run the fixtures.generate test first", qPrintable(path));
    }
    return path;
}

QString dataPath(const QString &name) {
    return fromEnvironment("CLIPQUEUE_TEST_DATA", name);
}

QString cliPath() {
    return qEnvironmentVariable("CLIPQUEUE_CLI");
}

QByteArray fixtureBytes(const QString &name) {
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read fixture %s", qPrintable(name));
        return {};
    }
    return file.readAll();
}

QString screenshotPath(const QString &name) {
    const QString dir =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../screenshots"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name.endsWith(u".png") ? name : name + u".png");
}

QStringList filesUnder(const QString &directory) {
    QStringList files;
    const QFileInfoList entries =
        QDir(directory).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        files << (entry.isDir() ? filesUnder(entry.absoluteFilePath()) : QStringList{entry.fileName()});
    }
    return files;
}

} // namespace cq::test
