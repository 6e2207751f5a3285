#pragma once

#include <QHash>
#include <QObject>

#include "media/convert/ConversionSpec.h"

#include <functional>
#include <optional>

namespace cq {
class Backend;
}

namespace cq::ui {

class MediaListModel;
class MediaProbeQueue;

// The composer's "Fix" and "Fix all": each converts a media item through the Backend
// (Backend::conformMedia) into a new object of the media store as its findings' `fix` says, shows
// the progress on its row, and then points the item at the converted copy, probed by the
// conversion, so the findings are checked again at once. The original file is only read.
// Conversions belong to the Backend: they go on while the window is hidden.
class MediaFixer : public QObject {
    Q_OBJECT

public:
    // `accountId` answers whose creator maximum applies now (empty: the default account).
    MediaFixer(Backend &backend, MediaListModel &model, MediaProbeQueue &queue,
               std::function<QString()> accountId, QObject *parent = nullptr);

    // Also remove the location from photos (their metadata), even from photos without a finding.
    void setStripLocation(bool strip) { m_stripLocation = strip; }
    bool stripLocation() const { return m_stripLocation; }

    // Converts item `itemId`; `trim` is the part of a too-long video to keep (default: from the start).
    void fix(int itemId, std::optional<TimeRange> trim = std::nullopt);
    // Every item with a fix not converting yet, and with stripLocation() every photo.
    void fixAll();
    // Items fixAll() would convert now.
    QList<int> fixableItems() const;
    void cancel(int itemId);
    void cancelAll();
    int running() const { return int(m_jobs.size()); }

Q_SIGNALS:
    void failed(const QString &message);
    // A conversion started or ended (running() changed).
    void runningChanged();

private:
    void onProgress(quint64 job, double fraction);

    Backend &m_backend;
    MediaListModel &m_model;
    MediaProbeQueue &m_queue;
    std::function<QString()> m_accountId;
    QHash<int, quint64> m_jobs; // item id -> the Backend's conversion
    bool m_stripLocation = false;
};

} // namespace cq::ui
