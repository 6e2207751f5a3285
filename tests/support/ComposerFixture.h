#pragma once

#include "composer/ComposerPage.h"
#include "media/MediaProber.h"
#include "post/CreatorInfo.h"
#include "session/Backend.h"
#include "storage/AccountRepository.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace cq::test {

// An account to put into the data directory before the Backend starts, with TikTok's creator info
// for it when given.
struct SeedAccount {
    Account account;
    std::optional<CreatorInfo> creator;
};

// A connected account: its access token valid for a day, refreshable for a year (or until
// `refreshExpiresAt`).
SeedAccount seedAccount(const QString &id, const QString &name, bool isDefault,
                        std::optional<CreatorInfo> creator = {}, const QDateTime &refreshExpiresAt = {});

// What the data directory holds before the Backend starts.
struct ComposerSeed {
    QList<SeedAccount> accounts;
    bool approvalRequired = false;
};

// The composer as the composer tests drive it: a fresh data directory (CLIPQUEUE_DATA_DIR, the
// file token store) holding a seed, a real Backend on it that does not publish, and a shown
// ComposerPage whose models run under QAbstractItemModelTester. start() and drop() fail the running
// test when something does not work.
class ComposerFixture {
public:
    ~ComposerFixture() { reset(); }

    // The page is `columns` average characters wide and `lines` lines high.
    void start(const ComposerSeed &seed, int columns = 180, int lines = 46);
    void reset();

    // Drops `paths` on the page as a file manager does: drag enter, then drop.
    void drop(const QStringList &paths);
    // Until every dropped file is probed and listed.
    void waitForProbes();

    // The page's child named `objectName`; a missing one ends the run (a renamed widget).
    template<typename T>
    T *widget(const char *objectName) const {
        T *found = page->findChild<T *>(QLatin1StringView(objectName));
        if (!found) {
            qFatal("no widget named %s", objectName);
        }
        return found;
    }

    MediaProber prober;
    std::unique_ptr<QTemporaryDir> dataDir;
    std::unique_ptr<Backend> backend;
    std::unique_ptr<ui::ComposerPage> page;
    std::unique_ptr<QAbstractItemModelTester> mediaTester;
    std::unique_ptr<QAbstractItemModelTester> findingsTester;

private:
    void seedDataDirectory(const ComposerSeed &seed);
};

} // namespace cq::test
