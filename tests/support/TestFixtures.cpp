#include "TestFixtures.h"

#include <QColor>
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

QPalette darkPalette() {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    dark.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
    return dark;
}

} // namespace cq::test
