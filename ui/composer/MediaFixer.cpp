#include "composer/MediaFixer.h"

#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "session/Backend.h"

namespace cq::ui {

MediaFixer::MediaFixer(Backend &backend, MediaListModel &model, MediaProbeQueue &queue,
                       std::function<QString()> accountId, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_model(model)
    , m_queue(queue)
    , m_accountId(std::move(accountId)) {
    connect(&m_backend, &Backend::conformProgress, this, &MediaFixer::onProgress);
}

void MediaFixer::fix(int itemId, std::optional<TimeRange> trim) {
    const int row = m_model.rowOf(itemId);
    const QModelIndex index = m_model.index(row);
    if (row < 0 || m_jobs.contains(itemId)
        || index.data(MediaListModel::StateRole).value<MediaListModel::State>()
               != MediaListModel::State::Ready) {
        return;
    }
    const QList<MediaCheck> checks = m_model.checks();
    ConformRequest request;
    request.path = index.data(MediaListModel::PathRole).toString();
    request.probed = *checks.at(row).probed;
    request.accountId = m_accountId();
    request.trim = trim;
    request.stripLocation = m_stripLocation;
    const QString name = index.data(MediaListModel::FilenameRole).toString();
    m_model.setConformProgress(itemId, 0.0);
    const quint64 job = m_backend.conformMedia(
        request, this, [this, itemId, name](std::expected<ConformedMedia, Error> result) {
            m_jobs.remove(itemId);
            m_model.setConformProgress(itemId, std::nullopt);
            Q_EMIT runningChanged();
            if (!result) {
                if (result.error().code != ErrorCode::Cancelled) {
                    Q_EMIT failed(tr("%1 could not be converted: %2").arg(name, result.error().message));
                }
                return;
            }
            m_model.setConverted(itemId, result->outputPath, result->probed);
            m_queue.enqueueThumbnail(itemId, result->outputPath, result->probed.rotation.value_or(0));
        });
    m_jobs.insert(itemId, job);
    Q_EMIT runningChanged();
}

QList<int> MediaFixer::fixableItems() const {
    QList<int> items;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const QModelIndex index = m_model.index(row);
        const int itemId = index.data(MediaListModel::ItemIdRole).toInt();
        const bool photo = index.data(MediaListModel::TypeRole).toString() == u"photo";
        // A converted photo has no metadata left to remove.
        const bool strip = m_stripLocation && photo && !index.data(MediaListModel::ConvertedRole).toBool();
        const bool wanted = !index.data(MediaListModel::FixRole).toString().isEmpty() || strip;
        if (wanted && !m_jobs.contains(itemId)) {
            items << itemId;
        }
    }
    return items;
}

void MediaFixer::fixAll() {
    for (const int itemId : fixableItems()) {
        fix(itemId);
    }
}

void MediaFixer::cancel(int itemId) {
    if (m_jobs.contains(itemId)) {
        m_backend.cancelConform(m_jobs.value(itemId));
    }
}

void MediaFixer::cancelAll() {
    for (const quint64 job : std::as_const(m_jobs)) {
        m_backend.cancelConform(job);
    }
}

void MediaFixer::onProgress(quint64 job, double fraction) {
    const int itemId = m_jobs.key(job, 0);
    if (itemId != 0) {
        m_model.setConformProgress(itemId, fraction);
    }
}

} // namespace cq::ui
