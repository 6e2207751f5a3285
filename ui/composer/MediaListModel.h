#pragma once

#include "post/PostValidator.h"

#include <QAbstractListModel>
#include <QImage>

namespace cq::ui {

// The media items of the post being composed: each file while it is probed, once probed, or
// unreadable; or, for a stored post, its media in ClipQueue's store (described as probed when it was
// stored). Rows are in post order (the first photo is the carousel's cover); rows can be moved and
// removed. Items keep a stable id so that late probe results find their row after edits.
class MediaListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum class State { Probing, Ready, Unreadable };
    Q_ENUM(State)

    // Qt::DisplayRole: the file name. Qt::ToolTipRole: the full path and the summary.
    // Qt::DecorationRole: the thumbnail, or a style icon while probing, for an unreadable file, or
    // while the thumbnail is still being made.
    // Descriptor roles hold an invalid QVariant while the value is unknown (still probing,
    // unreadable, or not applicable such as a photo's duration).
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: absolute local path (the store's copy for stored media)
        FilenameRole,                // QString: file name without its folder
        StateRole,                   // MediaListModel::State
        SummaryRole, // QString: "video · video/mp4 · 1080×1920 · 24.0 s · 30 fps · H.264 · audio · 18.4 MB",
                     // "Reading…", or why the file is unreadable
        TypeRole,      // QString: "video" or "photo"
        MimeTypeRole,  // QString: read from the bytes, e.g. "video/mp4"
        SizeBytesRole, // qint64
        WidthRole,     // int: display width, after rotation
        HeightRole,    // int: display height, after rotation
        DurationRole,  // double: seconds
        FrameRateRole, // double: frames per second
        CodecRole,     // QString: FFmpeg's codec name, e.g. "h264"
        RotationRole,  // int: clockwise degrees a viewer applies
        HasAudioRole,  // bool
        ErrorRole,     // QString: the full message when unreadable (names the file), empty otherwise
        ErrorCodeRole, // QString: errorCodeName() of the error, e.g. "media.unreadable", empty otherwise
        ThumbnailRole, // QImage: the upright thumbnail, null until it is made
        StoredRole,    // bool: media of a stored post, in ClipQueue's media store
        NotesRole,   // QString: the validator's findings about this item, one per line ("✖ …", "⚠ …")
        IsCoverRole, // bool: the photo chosen as the carousel's cover
        ItemIdRole,  // int: the item's stable id
        FixRole,     // QString: what converting the item would do (its findings' `fix`); empty: none
        ConformProgressRole, // double: 0 to 1 while a conversion of the item runs; invalid otherwise
        ConvertedRole,       // bool: the item is a converted copy in the media store
    };

    explicit MediaListModel(QObject *parent = nullptr);

    // Appends a file in state Probing and returns its id.
    int addFile(const QString &path);
    // Appends media of a stored post, Ready with its stored descriptor (whose url is where it came
    // from); `storePath` is its copy in the media store. Returns its id.
    int addStored(const QString &storePath, const MediaDescriptor &descriptor);
    void clear();
    // The item now is `converted` (a new file in the media store, probed): the row keeps its place,
    // shows the converted file's name, and waits for a new thumbnail.
    void setConverted(int itemId, const QString &path, const MediaDescriptor &converted);
    // A conversion of the item is `fraction` done; nullopt: none runs.
    void setConformProgress(int itemId, std::optional<double> fraction);
    int rowOf(int itemId) const;
    void setProbed(int itemId, const MediaCheck &check);
    void setThumbnail(int itemId, const QImage &thumbnail);
    void removeRowsAt(QList<int> rows);
    // Shows each finding about one media item (its field points into /content/media/N) on its row,
    // and the first `fix` among them as the item's FixRole.
    void setFindings(const QList<Finding> &findings);
    // The photo shown as the carousel's cover (TikTok's photo_cover_index); it follows its item when
    // rows move. 0 when none was chosen or the chosen one was removed.
    int coverRow() const;
    void setCoverRow(int row);

    bool isProbing() const;
    // The post's media as declared (file URLs; stored media: their descriptors) and what probing
    // found: parallel lists, in row order.
    QList<MediaDescriptor> declaredMedia() const;
    QList<MediaCheck> checks() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    // Items are reordered by dragging them within the list (QListView moves them with moveRows()).
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // One line for people: "photo · image/jpeg · 1080×1350 · 61 kB".
    static QString summarize(const MediaDescriptor &media);
    // "H.264" for "h264", "H.265" for "hevc"; other names upper-cased.
    static QString codecLabel(const QString &ffmpegName);

private:
    struct Item {
        int id;
        QString path;
        State state = State::Probing;
        MediaCheck check;
        QImage thumbnail;
        std::optional<MediaDescriptor> stored; // as the store holds it; nullopt for a local file
        QString notes;                         // NotesRole
        QString fix;                           // FixRole
        QString convertedName;                 // the converted file's name; empty: not converted
        std::optional<double> conformProgress; // ConformProgressRole
    };
    QString nameOf(const Item &item) const;
    QString summaryOf(const Item &item) const;
    QVariant descriptorData(const MediaDescriptor &media, int role) const;

    QList<Item> m_items;
    int m_nextId = 1;
    int m_coverId = 0; // the cover's item id; 0: the first item
};

} // namespace cq::ui
