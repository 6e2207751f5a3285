#pragma once

#include "post/PostValidator.h"

#include <QAbstractListModel>
#include <QImage>

namespace cq::ui {

// The media items of the post being composed: each file while it is probed, once probed, or
// unreadable. Rows are in post order.
class MediaListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum class State { Probing, Ready, Unreadable };
    Q_ENUM(State)

    // Roles beyond Qt's: DisplayRole is "filename\nsummary", ToolTipRole the summary or error,
    // DecorationRole the thumbnail (or an icon while probing / when unreadable).
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: local path
        StateRole,                   // State
        SummaryRole,  // QString: "video · video/mp4 · 1080×1920 · …" or the error message
        TypeRole,     // QString: "video" / "photo" / "" until probed
        MimeTypeRole, // QString
        WidthRole,    // int, display width after rotation
        HeightRole,   // int
        DurationRole, // double seconds
        ErrorRole,    // QString: the media.unreadable message, empty otherwise
    };

    explicit MediaListModel(QObject *parent = nullptr);

    // Appends a file in state Probing and returns its id (stable across removals).
    int addFile(const QString &path);
    void setProbed(int itemId, const MediaCheck &check);
    void setThumbnail(int itemId, const QImage &thumbnail);
    void removeRowsAt(QList<int> rows);

    bool isProbing() const;
    // The post's media as declared (file URLs) and what probing found, parallel lists.
    QList<MediaDescriptor> declaredMedia() const;
    QList<MediaCheck> checks() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString summarize(const MediaDescriptor &media);

private:
    struct Item {
        int id;
        QString path;
        State state = State::Probing;
        MediaCheck check;
        QImage thumbnail;
    };
    int rowOf(int itemId) const;

    QList<Item> m_items;
    int m_nextId = 1;
};

} // namespace cq::ui
