#pragma once

#include <QByteArray>
#include <QPalette>
#include <QString>
#include <QStringList>

namespace cq::test {

// The folder of generated media fixtures (tests/support/generate-fixtures.sh), from the
// environment CTest sets. Fails the calling test when it is missing.
QString fixturePath(const QString &name);

// The bytes of a generated fixture.
QByteArray fixtureBytes(const QString &name);

// A file under tests/data/.
QString dataPath(const QString &name);

// The clipqueue-cli binary under test.
QString cliPath();

// Where GUI tests save screenshots: build/screenshots/NAME.png (the folder is made).
QString screenshotPath(const QString &name);

// The names of every file under `directory`, hidden ones and those in subfolders included: what a
// conversion or an import left behind.
QStringList filesUnder(const QString &directory);

// A dark palette as dark desktop themes set it, for the pages' dark screenshots: what a page
// draws must follow the palette and stay readable on it.
QPalette darkPalette();

} // namespace cq::test
