<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CalendarGrid</name>
    <message>
        <source>%1 free · %2</source>
        <translation>%1 frei · %2</translation>
    </message>
    <message numerus="yes">
        <source>+%Ln more</source>
        <translation>
            <numerusform>+%Ln weiterer</numerusform>
            <numerusform>+%Ln weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>submitted</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>sent back for changes</source>
        <translation>Zurückschicken zur Überarbeitung</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>marked as published</source>
        <translation>Als veröffentlicht markieren</translation>
    </message>
    <message>
        <source>deleted (cancel it first)</source>
        <translation>Löschen (brechen Sie ihn zuerst ab)</translation>
    </message>
    <message>
        <source>moved on by a runner</source>
        <translation>Weiterführen durch einen Veröffentlichungsprozess</translation>
    </message>
    <message>
        <source>This post is %1; this workspace requires approval, so it can be scheduled once a reviewer approves it.</source>
        <translation>Dieser Beitrag hat den Status „%1“; dieser Arbeitsbereich verlangt eine Freigabe, daher kann er geplant werden, sobald ein Prüfer ihn freigibt.</translation>
    </message>
    <message>
        <source>This post is %1; it cannot be %2 now.</source>
        <translation>Dieser Beitrag hat den Status „%1“; %2 ist jetzt nicht möglich.</translation>
    </message>
</context>
<context>
    <name>MoveCommand</name>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
</context>
<context>
    <name>PostStatus</name>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>in_review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>changes_requested</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>Wird veröffentlicht</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>In Verarbeitung</translation>
    </message>
    <message>
        <source>published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>needs_attention</source>
        <translation>Klärung nötig</translation>
    </message>
</context>
<context>
    <name>cq::AccountSets</name>
    <message>
        <source>There is no account set &quot;%1&quot; (clipqueue-cli accounts sets list shows them).</source>
        <translation>Es gibt keine Kontogruppe „%1“ (clipqueue-cli accounts sets list zeigt sie).</translation>
    </message>
    <message>
        <source>An account set needs a name.</source>
        <translation>Eine Kontogruppe braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is an account set named &quot;%1&quot; already; pick another name.</source>
        <translation>Es gibt bereits eine Kontogruppe namens „%1“; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>No connected TikTok account is &quot;%1&quot; (clipqueue-cli accounts list).</source>
        <translation>Kein verbundenes TikTok-Konto heißt „%1“ (clipqueue-cli accounts list).</translation>
    </message>
</context>
<context>
    <name>cq::Backend</name>
    <message>
        <source>The account is not connected any more.</source>
        <translation>Das Konto ist nicht mehr verbunden.</translation>
    </message>
    <message>
        <source>Creator info not refreshed: %1</source>
        <translation>Creator-Infos nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>An account is being connected already.</source>
        <translation>Es wird bereits ein Konto verbunden.</translation>
    </message>
    <message>
        <source>The connection was declined on TikTok&apos;s page; nothing was connected.</source>
        <translation>Die Verbindung wurde auf der TikTok-Seite abgelehnt; es wurde nichts verbunden.</translation>
    </message>
    <message>
        <source>TikTok did not connect the account: %1</source>
        <translation>TikTok hat das Konto nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Connecting the account was cancelled.</source>
        <translation>Das Verbinden des Kontos wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Account sets not read: %1</source>
        <translation>Kontogruppen nicht gelesen: %1</translation>
    </message>
    <message>
        <source>Not publishing from this computer: %1</source>
        <translation>Von diesem Computer wird nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Publishing stopped: %1 Restart ClipQueue once the database works again.</source>
        <translation>Veröffentlichen angehalten: %1 Starten Sie ClipQueue neu, sobald die Datenbank wieder funktioniert.</translation>
    </message>
    <message>
        <source>Enter a database URL first.</source>
        <translation>Geben Sie zuerst eine Datenbank-URL ein.</translation>
    </message>
    <message>
        <source>Saved as a draft but not submitted: %1</source>
        <translation>Als Entwurf gespeichert, aber nicht eingereicht: %1</translation>
    </message>
    <message>
        <source>The conversion was cancelled.</source>
        <translation>Die Umwandlung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The file needs no conversion.</source>
        <translation>Die Datei muss nicht umgewandelt werden.</translation>
    </message>
</context>
<context>
    <name>cq::ConformPlan</name>
    <message>
        <source>remove metadata (location)</source>
        <translation>Metadaten (Standort) entfernen</translation>
    </message>
    <message>
        <source>scale to %1 JPEG, turned upright</source>
        <translation>auf %1 als JPEG skalieren, aufgerichtet</translation>
    </message>
    <message>
        <source>scale to %1 JPEG</source>
        <translation>auf %1 als JPEG skalieren</translation>
    </message>
    <message>
        <source>convert to a %1 JPEG, turned upright</source>
        <translation>in ein JPEG mit %1 umwandeln, aufgerichtet</translation>
    </message>
    <message>
        <source>convert to a %1 JPEG</source>
        <translation>in ein JPEG mit %1 umwandeln</translation>
    </message>
    <message>
        <source>re-encode as H.264/AAC MP4</source>
        <translation>als H.264/AAC-MP4 neu kodieren</translation>
    </message>
    <message>
        <source>repackage as MP4 without re-encoding</source>
        <translation>ohne Neukodierung als MP4 verpacken</translation>
    </message>
    <message>
        <source>at %1 fps</source>
        <translation>mit %1 fps</translation>
    </message>
    <message>
        <source>scaled to %1</source>
        <translation>auf %1 skaliert</translation>
    </message>
    <message>
        <source>trimmed to %1 - %2</source>
        <translation>auf %1 – %2 gekürzt</translation>
    </message>
    <message>
        <source>at %1 Mbit/s to stay under 4 GB</source>
        <translation>mit %1 Mbit/s, um unter 4 GB zu bleiben</translation>
    </message>
</context>
<context>
    <name>cq::CsvPosts</name>
    <message>
        <source>The file cell is empty: name the video or photo.</source>
        <translation>Die Zelle „file“ ist leer: Nennen Sie das Video oder Foto.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone; use an IANA name such as Europe/Berlin.</source>
        <translation>„%1“ ist keine Zeitzone; verwenden Sie einen IANA-Namen wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>Cannot read the time &quot;%1&quot;: write 2031-03-28T18:30, or &quot;queue&quot;.</source>
        <translation>Die Zeit „%1“ ist nicht lesbar: Schreiben Sie 2031-03-28T18:30 oder „queue“.</translation>
    </message>
    <message>
        <source>Unknown privacy &quot;%1&quot;: everyone, friends, followers or only me.</source>
        <translation>Unbekannte Sichtbarkeit „%1“: everyone, friends, followers oder only me.</translation>
    </message>
    <message>
        <source>The CSV file is empty.</source>
        <translation>Die CSV-Datei ist leer.</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;; the columns are %2.</source>
        <translation>Unbekannte Spalte „%1“; die Spalten sind %2.</translation>
    </message>
    <message>
        <source>The CSV header needs a file (or url) column.</source>
        <translation>Die Kopfzeile der CSV-Datei braucht eine Spalte „file“ (oder „url“).</translation>
    </message>
</context>
<context>
    <name>cq::MediaProber</name>
    <message>
        <source>%1: probing was cancelled.</source>
        <translation>%1: Das Einlesen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1: reading it took too long. If it is on a network drive, copy it to this computer first.</source>
        <translation>%1: Das Lesen hat zu lange gedauert. Liegt die Datei auf einem Netzlaufwerk, kopieren Sie sie zuerst auf diesen Computer.</translation>
    </message>
    <message>
        <source>%1: the photo is cut short (it does not end where its format says). Copy or export it again.</source>
        <translation>%1: Das Foto ist unvollständig (es endet nicht dort, wo sein Format es angibt). Kopieren oder exportieren Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: its image header is damaged. Export the photo again.</source>
        <translation>%1: Der Bild-Header ist beschädigt. Exportieren Sie das Foto erneut.</translation>
    </message>
    <message>
        <source>the file does not exist. Check the path, or add the file again.</source>
        <translation>Die Datei existiert nicht. Prüfen Sie den Pfad oder fügen Sie die Datei erneut hinzu.</translation>
    </message>
    <message>
        <source>this is a folder. Add the video or photo files inside it instead.</source>
        <translation>Das ist ein Ordner. Fügen Sie stattdessen die Video- oder Fotodateien darin hinzu.</translation>
    </message>
    <message>
        <source>ClipQueue may not read it (%1). Check the file&apos;s permissions.</source>
        <translation>ClipQueue darf die Datei nicht lesen (%1). Prüfen Sie die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes). Export or copy it again.</source>
        <translation>Die Datei ist leer (0 Byte). Exportieren oder kopieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>reading it took too long. If it is on a network drive, copy it to this computer first.</source>
        <translation>Das Lesen hat zu lange gedauert. Liegt die Datei auf einem Netzlaufwerk, kopieren Sie sie zuerst auf diesen Computer.</translation>
    </message>
    <message>
        <source>it holds only audio. TikTok posts need a video or photos.</source>
        <translation>Die Datei enthält nur Ton. TikTok-Beiträge brauchen ein Video oder Fotos.</translation>
    </message>
    <message>
        <source>it holds no video or picture. Add an MP4, MOV or WebM video, or a JPEG or WebP photo.</source>
        <translation>Die Datei enthält weder Video noch Bild. Fügen Sie ein MP4-, MOV- oder WebM-Video oder ein JPEG- oder WebP-Foto hinzu.</translation>
    </message>
    <message>
        <source>it is an image format ClipQueue does not know. Save it as JPEG or WebP.</source>
        <translation>Dieses Bildformat kennt ClipQueue nicht. Speichern Sie das Bild als JPEG oder WebP.</translation>
    </message>
    <message>
        <source>its header claims a duration of %1 hours, which no real clip has: the file is damaged. Export it again.</source>
        <translation>Laut Header dauert die Datei %1 Stunden, was kein echter Clip tut: Die Datei ist beschädigt. Exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>the file is cut short (%1 of %2 bytes). Copy or export it again.</source>
        <translation>Die Datei ist unvollständig (%1 von %2 Byte). Kopieren oder exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>its picture size cannot be read. It may be damaged: export it again.</source>
        <translation>Die Bildgröße lässt sich nicht lesen. Die Datei ist vielleicht beschädigt: Exportieren Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>cq::PostLifecycle</name>
    <message>
        <source>The post has validation errors; fix them first:
  %1</source>
        <translation>Der Beitrag hat Prüffehler; beheben Sie sie zuerst:
  %1</translation>
    </message>
    <message>
        <source>Editing keeps the post&apos;s media (the same media, in the same order); create a new post to change them.</source>
        <translation>Beim Bearbeiten bleiben die Medien des Beitrags erhalten (dieselben Medien in derselben Reihenfolge); legen Sie einen neuen Beitrag an, um sie zu ändern.</translation>
    </message>
    <message>
        <source>Post %1 was deleted meanwhile.</source>
        <translation>Beitrag %1 wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>Only posts of the same account swap times.</source>
        <translation>Nur Beiträge desselben Kontos können ihre Zeiten tauschen.</translation>
    </message>
    <message>
        <source>Say what should change: a comment is required.</source>
        <translation>Sagen Sie, was sich ändern soll: Ein Kommentar ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone; use an IANA name such as Europe/Berlin.</source>
        <translation>„%1“ ist keine Zeitzone; verwenden Sie einen IANA-Namen wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>A stored post goes to one account; create a new post for each other account.</source>
        <translation>Ein gespeicherter Beitrag geht an ein Konto; legen Sie für jedes weitere Konto einen neuen Beitrag an.</translation>
    </message>
</context>
<context>
    <name>cq::PostValidator</name>
    <message>
        <source>Media %1</source>
        <translation>Medium %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>A TikTok post needs one video or 1 to 35 photos. Add media to the post.</source>
        <translation>Ein TikTok-Beitrag braucht ein Video oder 1 bis 35 Fotos. Fügen Sie dem Beitrag Medien hinzu.</translation>
    </message>
    <message>
        <source>This post mixes %1 and %2; TikTok posts are one video or photos only. Remove the videos or the photos.</source>
        <translation>Dieser Beitrag mischt %1 und %2; ein TikTok-Beitrag ist entweder ein Video oder nur Fotos. Entfernen Sie die Videos oder die Fotos.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message>
        <source>This post has %1 videos; a TikTok post carries one. Keep one video and make a post for each of the others.</source>
        <translation>Dieser Beitrag hat %1 Videos; ein TikTok-Beitrag enthält eines. Behalten Sie ein Video und erstellen Sie für jedes andere einen eigenen Beitrag.</translation>
    </message>
    <message>
        <source>This post has %1 photos; TikTok takes at most %2. Remove %3.</source>
        <translation>Dieser Beitrag hat %1 Fotos; TikTok nimmt höchstens %2. Entfernen Sie %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither a file nor an http(s) URL. Use a file path, a file:// URL or an https:// URL.</source>
        <translation>%1: „%2“ ist weder eine Datei noch eine http(s)-URL. Verwenden Sie einen Dateipfad, eine file://-URL oder eine https://-URL.</translation>
    </message>
    <message>
        <source>%1 is remote, so ClipQueue cannot read it until the post is created; declare its %2.</source>
        <translation>%1 liegt im Netz, daher kann ClipQueue es erst lesen, wenn der Beitrag angelegt ist; geben Sie dafür %2 an.</translation>
    </message>
    <message>
        <source>%1: the post says %2 is %3 but the file says %4; ClipQueue uses the file&apos;s value.</source>
        <translation>%1: Laut Beitrag ist %2 gleich %3, laut Datei aber %4; ClipQueue verwendet den Wert der Datei.</translation>
    </message>
    <message>
        <source>%1 is %2; TikTok takes MP4, MOV or WebM. Export or remux it as MP4 (H.264).</source>
        <translation>%1 ist %2; TikTok nimmt MP4, MOV oder WebM. Exportieren oder remuxen Sie es als MP4 (H.264).</translation>
    </message>
    <message>
        <source>%1 uses the %2 codec; TikTok takes H.264, H.265, VP8 or VP9. Export it again as H.264.</source>
        <translation>%1 verwendet den Codec %2; TikTok nimmt H.264, H.265, VP8 oder VP9. Exportieren Sie es erneut als H.264.</translation>
    </message>
    <message>
        <source>%1 runs at %2 fps; TikTok takes 23 to 60 fps. Export it at 30 fps.</source>
        <translation>%1 läuft mit %2 fps; TikTok nimmt 23 bis 60 fps. Exportieren Sie es mit 30 fps.</translation>
    </message>
    <message>
        <source>%1 is %2 px; TikTok needs at least 360 px on each side. Use a larger export (1080x1920 is ideal).</source>
        <translation>%1 hat %2 px; TikTok braucht mindestens 360 px pro Seite. Exportieren Sie es größer (ideal sind 1080x1920).</translation>
    </message>
    <message>
        <source>%1 is %2 px; TikTok takes at most 4096 px on each side. Scale it down (1080x1920 is ideal).</source>
        <translation>%1 hat %2 px; TikTok nimmt höchstens 4096 px pro Seite. Verkleinern Sie es (ideal sind 1080x1920).</translation>
    </message>
    <message>
        <source>%1 is %2 px (%3); TikTok shows vertical 9:16 video full screen. Consider a vertical crop.</source>
        <translation>%1 hat %2 px (%3); TikTok zeigt Hochformat-Videos im Format 9:16 bildschirmfüllend. Ziehen Sie einen Zuschnitt im Hochformat in Betracht.</translation>
    </message>
    <message>
        <source>square</source>
        <translation>quadratisch</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>%1 is %2 long; TikTok has refused clips shorter than 3 s (duration_check_failed). A longer clip is safer.</source>
        <translation>%1 ist %2 lang; TikTok hat Clips unter 3 s schon abgelehnt (duration_check_failed). Ein längerer Clip ist sicherer.</translation>
    </message>
    <message>
        <source>%1 is %2 long; this account may post at most %3. Trim the video.</source>
        <translation>%1 ist %2 lang; dieses Konto darf höchstens %3 posten. Kürzen Sie das Video.</translation>
    </message>
    <message>
        <source>The cover frame at %1 is past the end of %2 (%3). Pick a cover frame inside the video.</source>
        <translation>Das Titelbild bei %1 liegt hinter dem Ende von %2 (%3). Wählen Sie ein Titelbild innerhalb des Videos.</translation>
    </message>
    <message>
        <source>%1 is %2; TikTok takes videos up to 4 GB. Export it at a lower bit rate.</source>
        <translation>%1 ist %2 groß; TikTok nimmt Videos bis 4 GB. Exportieren Sie es mit einer niedrigeren Bitrate.</translation>
    </message>
    <message>
        <source>%1 is %2; TikTok takes JPEG or WebP photos. Save it as JPEG.</source>
        <translation>%1 ist %2; TikTok nimmt Fotos als JPEG oder WebP. Speichern Sie es als JPEG.</translation>
    </message>
    <message>
        <source>%1 is %2; TikTok takes photos up to 20 MB. Save it with more compression.</source>
        <translation>%1 ist %2 groß; TikTok nimmt Fotos bis 20 MB. Speichern Sie es stärker komprimiert.</translation>
    </message>
    <message>
        <source>%1 is %2 px; TikTok refuses photos whose shorter side is over 1080 px. Scale it down (for example to 1080x1440).</source>
        <translation>%1 hat %2 px; TikTok lehnt Fotos ab, deren kürzere Seite über 1080 px liegt. Verkleinern Sie es (zum Beispiel auf 1080x1440).</translation>
    </message>
    <message>
        <source>The caption is %1 characters (UTF-16 units; most emoji count 2); TikTok takes %2 for a photo description. Shorten it by %3.</source>
        <translation>Die Beschreibung hat %1 Zeichen (UTF-16-Einheiten; die meisten Emojis zählen doppelt); TikTok nimmt für Fotobeiträge %2. Kürzen Sie sie um %3.</translation>
    </message>
    <message>
        <source>The caption is %1 characters (UTF-16 units; most emoji count 2); TikTok takes %2 for a video. Shorten it by %3.</source>
        <translation>Die Beschreibung hat %1 Zeichen (UTF-16-Einheiten; die meisten Emojis zählen doppelt); TikTok nimmt für ein Video %2. Kürzen Sie sie um %3.</translation>
    </message>
    <message>
        <source>The photo title is %1 characters; TikTok takes %2. Shorten it by %3.</source>
        <translation>Der Fototitel hat %1 Zeichen; TikTok nimmt %2. Kürzen Sie ihn um %3.</translation>
    </message>
    <message>
        <source>The cover is photo %1, but the post has %2. Choose one of its photos as the cover.</source>
        <translation>Das Titelbild ist Foto %1, der Beitrag hat aber %2. Wählen Sie eines seiner Fotos als Titelbild.</translation>
    </message>
    <message>
        <source>TikTok pulls photos from a public web address, and no photo host is set up on this computer. Set CLIPQUEUE_PHOTO_UPLOAD_URL and CLIPQUEUE_PHOTO_PUBLIC_URL (see the README), or post a video.</source>
        <translation>TikTok holt Fotos von einer öffentlichen Webadresse ab, und auf diesem Computer ist kein Foto-Host eingerichtet. Setzen Sie CLIPQUEUE_PHOTO_UPLOAD_URL und CLIPQUEUE_PHOTO_PUBLIC_URL (siehe README) oder posten Sie ein Video.</translation>
    </message>
    <message>
        <source>Choose who can see this post; TikTok requires an explicit choice.</source>
        <translation>Wählen Sie, wer diesen Beitrag sehen kann; TikTok verlangt eine ausdrückliche Auswahl.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a TikTok privacy level. Use one of %2.</source>
        <translation>„%1“ ist keine TikTok-Sichtbarkeitsstufe. Verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>This account cannot post with privacy %1; it offers %2. Choose one of those.</source>
        <translation>Dieses Konto kann nicht mit der Sichtbarkeit %1 posten; es bietet %2. Wählen Sie eine davon.</translation>
    </message>
    <message>
        <source>Branded content visibility cannot be set to private. Choose another privacy level or turn off &quot;Branded content&quot;.</source>
        <translation>Markeninhalte können nicht privat sein. Wählen Sie eine andere Sichtbarkeit oder schalten Sie „Markeninhalt“ aus.</translation>
    </message>
    <message>
        <source>Commercial content disclosure is on: pick &quot;Your brand&quot;, &quot;Branded content&quot; or both, or turn the disclosure off.</source>
        <translation>„Kommerzielle Inhalte offenlegen“ ist an: Wählen Sie „Ihre Marke“, „Markeninhalt“ oder beides, oder schalten Sie die Offenlegung aus.</translation>
    </message>
    <message>
        <source>Photo posts have no Duet or Stitch; turn them off (only Comment applies).</source>
        <translation>Fotobeiträge haben kein Duett und kein Stitch; schalten Sie beides aus (nur Kommentare gelten).</translation>
    </message>
    <message>
        <source>Comments are turned off in this account&apos;s TikTok settings, so the post cannot allow them. Turn the option off.</source>
        <translation>Kommentare sind in den TikTok-Einstellungen dieses Kontos ausgeschaltet, daher kann der Beitrag sie nicht erlauben. Schalten Sie die Option aus.</translation>
    </message>
    <message>
        <source>Duet is turned off in this account&apos;s TikTok settings, so the post cannot allow it. Turn the option off.</source>
        <translation>Duett ist in den TikTok-Einstellungen dieses Kontos ausgeschaltet, daher kann der Beitrag es nicht erlauben. Schalten Sie die Option aus.</translation>
    </message>
    <message>
        <source>Stitch is turned off in this account&apos;s TikTok settings, so the post cannot allow it. Turn the option off.</source>
        <translation>Stitch ist in den TikTok-Einstellungen dieses Kontos ausgeschaltet, daher kann der Beitrag es nicht erlauben. Schalten Sie die Option aus.</translation>
    </message>
    <message>
        <source>No creator info yet, so this account&apos;s privacy options, interaction settings and maximum video length were not checked. Connect the account to check them.</source>
        <translation>Noch keine Creator-Infos, daher wurden Sichtbarkeitsoptionen, Interaktionseinstellungen und maximale Videolänge dieses Kontos nicht geprüft. Verbinden Sie das Konto, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>it has reached TikTok&apos;s daily post limit. Schedule the post for tomorrow.</source>
        <translation>Es hat das tägliche Beitragslimit von TikTok erreicht. Planen Sie den Beitrag für morgen.</translation>
    </message>
    <message>
        <source>TikTok has banned it from posting. Check the account in the TikTok app.</source>
        <translation>TikTok hat es für Beiträge gesperrt. Prüfen Sie das Konto in der TikTok-App.</translation>
    </message>
    <message>
        <source>this TikTok app has reached its daily limit of posting users. Try again tomorrow.</source>
        <translation>Diese TikTok-App hat ihr Tageslimit an postenden Nutzern erreicht. Versuchen Sie es morgen erneut.</translation>
    </message>
    <message>
        <source>TikTok answered %1. Try again later.</source>
        <translation>TikTok antwortete %1. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>This account cannot post now: %1</source>
        <translation>Dieses Konto kann gerade nicht posten: %1</translation>
    </message>
    <message>
        <source>The post is scheduled for %1, which has passed. Pick a later time, or publish now.</source>
        <translation>Der Beitrag ist für %1 geplant, und dieser Zeitpunkt ist vorbei. Wählen Sie einen späteren Zeitpunkt oder veröffentlichen Sie jetzt.</translation>
    </message>
    <message>
        <source>The account&apos;s TikTok authorisation runs out on %1, before this post is due. Keep ClipQueue running or reconnect the account before then.</source>
        <translation>Die TikTok-Autorisierung des Kontos läuft am %1 ab, bevor dieser Beitrag fällig ist. Lassen Sie ClipQueue laufen oder verbinden Sie das Konto vorher erneut.</translation>
    </message>
    <message>
        <source>There is no account set &quot;%1&quot;. Pick one that exists (clipqueue-cli accounts sets list) or name the accounts in &quot;accounts&quot; instead.</source>
        <translation>Es gibt keine Kontogruppe „%1“. Wählen Sie eine vorhandene (clipqueue-cli accounts sets list) oder nennen Sie die Konten stattdessen unter „accounts“.</translation>
    </message>
    <message>
        <source>The account set &quot;%1&quot; has no accounts, so the post would go nowhere. Add accounts to the set or pick another one.</source>
        <translation>Die Kontogruppe „%1“ enthält keine Konten, der Beitrag ginge also nirgendwohin. Fügen Sie der Gruppe Konten hinzu oder wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The same media is already in post %1 (%2) for this account. TikTok may treat a repost as spam; post something new, or go ahead if that is meant.</source>
        <translation>Dieselben Medien sind für dieses Konto schon in Beitrag %1 (%2). TikTok kann eine Wiederholung als Spam werten; posten Sie etwas Neues oder fahren Sie fort, wenn das so gewollt ist.</translation>
    </message>
    <message>
        <source>No TikTok account is chosen and there is no default account. Connect an account or pick one for the post.</source>
        <translation>Es ist kein TikTok-Konto gewählt und es gibt kein Standardkonto. Verbinden Sie ein Konto oder wählen Sie eines für den Beitrag.</translation>
    </message>
</context>
<context>
    <name>cq::PostingTimes</name>
    <message>
        <source>Cannot read the posting times at &quot;%1&quot;: write days and times such as &quot;mon-fri 18:30, sat 11:00&quot;.</source>
        <translation>Die Postingzeiten bei „%1“ sind nicht lesbar: Schreiben Sie Tage und Uhrzeiten wie &quot;mon-fri 18:30, sat 11:00&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone; use an IANA name such as Europe/Berlin.</source>
        <translation>„%1“ ist keine Zeitzone; verwenden Sie einen IANA-Namen wie Europe/Berlin.</translation>
    </message>
</context>
<context>
    <name>cq::QueueSlots</name>
    <message>
        <source>Add to queue needs an account: connect one or name it in the post.</source>
        <translation>„In die Warteschlange“ braucht ein Konto: Verbinden Sie eines oder nennen Sie es im Beitrag.</translation>
    </message>
    <message>
        <source>Account %1 has no free posting time. Set its weekly times first, e.g. clipqueue-cli accounts times %2 --set &quot;mon-fri 18:30, sat 11:00&quot;</source>
        <translation>Konto %1 hat keine freie Postingzeit. Legen Sie zuerst seine wöchentlichen Zeiten fest, z. B. clipqueue-cli accounts times %2 --set &quot;mon-fri 18:30, sat 11:00&quot;</translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountCard</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>&amp;Trennen …</translation>
    </message>
    <message>
        <source>Ask TikTok for this account&apos;s creator info again</source>
        <translation>Die Creator-Infos dieses Kontos erneut bei TikTok abfragen</translation>
    </message>
    <message>
        <source>Revoke ClipQueue&apos;s access at TikTok and forget the account here</source>
        <translation>Den Zugriff von ClipQueue bei TikTok widerrufen und das Konto hier vergessen</translation>
    </message>
    <message>
        <source>Privacy levels offered:</source>
        <translation>Angebotene Sichtbarkeit:</translation>
    </message>
    <message>
        <source>Turned off by the creator:</source>
        <translation>Vom Creator ausgeschaltet:</translation>
    </message>
    <message>
        <source>Longest video:</source>
        <translation>Längstes Video:</translation>
    </message>
    <message>
        <source>Authorisation:</source>
        <translation>Autorisierung:</translation>
    </message>
    <message>
        <source>Creator info fetched:</source>
        <translation>Creator-Infos abgerufen:</translation>
    </message>
    <message>
        <source>Permissions granted:</source>
        <translation>Erteilte Berechtigungen:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Private posting only.&lt;/b&gt; Your TikTok developer app is not audited by TikTok yet, so every post from it goes out as &quot;Only me&quot;, and the account must be set to private in the TikTok app when it posts (at most 5 accounts may post through it a day). To post publicly, submit the app for TikTok&apos;s audit in the &lt;a href=&quot;https://developers.tiktok.com/apps&quot;&gt;developer portal&lt;/a&gt;; TikTok audits apps that serve many creators, not a team&apos;s own upload tool. Until then, pick &quot;Only me&quot; and make the posts public in the TikTok app afterwards.</source>
        <translation>&lt;b&gt;Nur privates Posten.&lt;/b&gt; Ihre TikTok-Entwickler-App ist noch nicht von TikTok geprüft, daher geht jeder Beitrag über sie als „Nur ich“ hinaus, und das Konto muss beim Posten in der TikTok-App auf privat gestellt sein (höchstens 5 Konten am Tag können über sie posten). Um öffentlich zu posten, reichen Sie die App im &lt;a href=&quot;https://developers.tiktok.com/apps&quot;&gt;Entwicklerportal&lt;/a&gt; zur Prüfung durch TikTok ein; TikTok prüft Apps, die vielen Creators dienen, nicht das eigene Upload-Werkzeug eines Teams. Bis dahin wählen Sie „Nur ich“ und stellen die Beiträge danach in der TikTok-App auf öffentlich.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Expired on %1. Connect the account again to keep posting.</source>
        <translation>Am %1 abgelaufen. Verbinden Sie das Konto erneut, um weiter zu posten.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>Ends on %1 (%2). Connect the account again before then to keep posting.</source>
        <translation>Endet am %1 (%2). Verbinden Sie das Konto vorher erneut, um weiter zu posten.</translation>
    </message>
    <message>
        <source>Renewed on its next use; renewable until %1.</source>
        <translation>Wird bei der nächsten Nutzung erneuert; erneuerbar bis %1.</translation>
    </message>
    <message>
        <source>until %1; renews itself until %2.</source>
        <translation>bis %1; erneuert sich selbst bis %2.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>default account</source>
        <translation>Standardkonto</translation>
    </message>
    <message>
        <source>Refresh %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>not known yet: refresh the account</source>
        <translation>noch unbekannt: Aktualisieren Sie das Konto</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Duet</source>
        <translation>Duett</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Stitch</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>not said by TikTok</source>
        <translation>von TikTok nicht angegeben</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountPicker</name>
    <message>
        <source>set of 1 account</source>
        <translation>Gruppe mit 1 Konto</translation>
    </message>
    <message>
        <source>set of %1 accounts</source>
        <translation>Gruppe mit %1 Konten</translation>
    </message>
    <message>
        <source>This set has no accounts.</source>
        <translation>Diese Gruppe enthält keine Konten.</translation>
    </message>
    <message>
        <source>Checks %1</source>
        <translation>Wählt %1</translation>
    </message>
    <message>
        <source>No TikTok account is connected yet. &lt;a href=&quot;#accounts&quot;&gt;Connect the account&lt;/a&gt; on the Accounts page; it shows up here.</source>
        <translation>Es ist noch kein TikTok-Konto verbunden. &lt;a href=&quot;#accounts&quot;&gt;Verbinden Sie das Konto&lt;/a&gt; auf der Seite „Konten“; es erscheint dann hier.</translation>
    </message>
    <message>
        <source>Accounts to post to</source>
        <translation>Konten, auf die gepostet wird</translation>
    </message>
    <message>
        <source>default account</source>
        <translation>Standardkonto</translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountSetsEditor</name>
    <message>
        <source>Account sets</source>
        <translation>Kontogruppen</translation>
    </message>
    <message>
        <source>&amp;Create set</source>
        <translation>Gruppe &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Accounts in the set</source>
        <translation>Konten der Gruppe</translation>
    </message>
    <message>
        <source>Name of a new account set</source>
        <translation>Name einer neuen Kontogruppe</translation>
    </message>
    <message>
        <source>New set name</source>
        <translation>Name der neuen Gruppe</translation>
    </message>
    <message>
        <source>Create account set</source>
        <translation>Kontogruppe anlegen</translation>
    </message>
    <message>
        <source>Rename account set</source>
        <translation>Kontogruppe umbenennen</translation>
    </message>
    <message>
        <source>Rename the chosen set (F2)</source>
        <translation>Die gewählte Gruppe umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete account set</source>
        <translation>Kontogruppe löschen</translation>
    </message>
    <message>
        <source>Delete the chosen set (Delete). Posts made for it keep their accounts.</source>
        <translation>Die gewählte Gruppe löschen (Entf). Beiträge, die für sie angelegt wurden, behalten ihre Konten.</translation>
    </message>
    <message>
        <source>&amp;Sets</source>
        <translation>&amp;Gruppen</translation>
    </message>
    <message>
        <source>&amp;Accounts in “%1” (%2)</source>
        <translation>&amp;Konten in „%1“ (%2)</translation>
    </message>
    <message>
        <source>&amp;Accounts in the set</source>
        <translation>&amp;Konten der Gruppe</translation>
    </message>
    <message>
        <source>No account sets yet. A set is a named group of accounts (“brand channels”): a post for the set goes to each of its accounts. Name one on the left to create it.</source>
        <translation>Noch keine Kontogruppen. Eine Gruppe ist eine benannte Auswahl von Konten („Markenkanäle“): Ein Beitrag für die Gruppe geht an jedes ihrer Konten. Geben Sie links einen Namen ein, um eine anzulegen.</translation>
    </message>
    <message>
        <source>No TikTok account is connected yet, so there is nobody to put in a set.</source>
        <translation>Es ist noch kein TikTok-Konto verbunden, daher gibt es niemanden, der in eine Gruppe kann.</translation>
    </message>
    <message>
        <source>Tick the accounts that belong to the set; each change is saved at once.</source>
        <translation>Haken Sie die Konten an, die zur Gruppe gehören; jede Änderung wird sofort gespeichert.</translation>
    </message>
    <message>
        <source>Delete the account set “%1”? Its accounts stay connected, and posts already made for the set keep their accounts.</source>
        <translation>Die Kontogruppe „%1“ löschen? Ihre Konten bleiben verbunden, und Beiträge, die schon für die Gruppe angelegt wurden, behalten ihre Konten.</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Account sets&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Kontogruppen&lt;/h3&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n Konto</numerusform>
            <numerusform>%n Konten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountsPage</name>
    <message>
        <source>&amp;Connect a TikTok account…</source>
        <translation>TikTok-Konto &amp;verbinden …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;TikTok accounts&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;TikTok-Konten&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>ClipQueue posts to the accounts connected here, through your own TikTok developer app (its client key and secret are in Settings). Connecting opens TikTok in your browser; sign in there and allow ClipQueue to post.</source>
        <translation>ClipQueue postet auf die hier verbundenen Konten, über Ihre eigene TikTok-Entwickler-App (ihr Client-Key und Secret stehen in den Einstellungen). Beim Verbinden öffnet sich TikTok in Ihrem Browser; melden Sie sich dort an und erlauben Sie ClipQueue das Posten.</translation>
    </message>
    <message>
        <source>Cancel connecting</source>
        <translation>Verbinden abbrechen</translation>
    </message>
    <message>
        <source>No account is connected yet. Connect one to post to it.</source>
        <translation>Es ist noch kein Konto verbunden. Verbinden Sie eines, um darauf zu posten.</translation>
    </message>
    <message>
        <source>Connected accounts</source>
        <translation>Verbundene Konten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finish in your browser.&lt;/b&gt; Sign in to TikTok there and allow ClipQueue; this page shows the result. </source>
        <translation>&lt;b&gt;Schließen Sie den Vorgang im Browser ab.&lt;/b&gt; Melden Sie sich dort bei TikTok an und erlauben Sie ClipQueue den Zugriff; diese Seite zeigt das Ergebnis. </translation>
    </message>
    <message>
        <source>&lt;b&gt;No browser opened.&lt;/b&gt; </source>
        <translation>&lt;b&gt;Es hat sich kein Browser geöffnet.&lt;/b&gt; </translation>
    </message>
    <message>
        <source>If no TikTok page is open, &lt;a href=&quot;%1&quot;&gt;open it here&lt;/a&gt;.</source>
        <translation>Wenn keine TikTok-Seite geöffnet ist, &lt;a href=&quot;%1&quot;&gt;öffnen Sie sie hier&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Opening TikTok in your browser…&lt;/b&gt;</source>
        <translation>&lt;b&gt;TikTok wird in Ihrem Browser geöffnet …&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connecting was cancelled; nothing changed.</source>
        <translation>Das Verbinden wurde abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Connected %1. It is ready to post.</source>
        <translation>%1 ist verbunden und bereit zum Posten.</translation>
    </message>
    <message>
        <source>%1 is up to date.</source>
        <translation>%1 ist auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Not refreshed: %1</source>
        <translation>Nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>Disconnect the account?</source>
        <translation>Konto trennen?</translation>
    </message>
    <message>
        <source>Disconnect %1? ClipQueue revokes its access at TikTok and forgets the account here; posts scheduled for it will not go out until it is connected again.</source>
        <translation>%1 trennen? ClipQueue widerruft seinen Zugriff bei TikTok und vergisst das Konto hier; für das Konto geplante Beiträge gehen erst wieder hinaus, wenn es erneut verbunden ist.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>%1 was disconnected.</source>
        <translation>%1 wurde getrennt.</translation>
    </message>
</context>
<context>
    <name>cq::ui::BulkImportDialog</name>
    <message>
        <source>Bulk Import</source>
        <translation>Massenimport</translation>
    </message>
    <message>
        <source>Drop videos or a folder here (a caption is read from a .txt file of the same name beside each video), or import a CSV plan.</source>
        <translation>Ziehen Sie Videos oder einen Ordner hierher (die Beschreibung wird aus einer gleichnamigen .txt-Datei neben jedem Video gelesen) oder importieren Sie einen CSV-Plan.</translation>
    </message>
    <message>
        <source>Add &amp;Videos…</source>
        <translation>&amp;Videos hinzufügen …</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation>&amp;CSV importieren …</translation>
    </message>
    <message>
        <source>Add Videos</source>
        <translation>Videos hinzufügen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.webm *.m4v)</source>
        <translation>Videos (*.mp4 *.mov *.webm *.m4v)</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Posts to import</source>
        <translation>Zu importierende Beiträge</translation>
    </message>
    <message>
        <source>S&amp;kip rows with errors</source>
        <translation>Zeilen mit Fehlern ü&amp;berspringen</translation>
    </message>
    <message>
        <source>S&amp;ubmit them</source>
        <translation>&amp;Einreichen</translation>
    </message>
    <message>
        <source>Submit each post once stored (to review, or to the queue without approvals)</source>
        <translation>Jeden Beitrag nach dem Speichern einreichen (zur Freigabe oder, ohne Freigaben, in die Warteschlange)</translation>
    </message>
    <message>
        <source>&amp;Store Posts</source>
        <translation>Beiträge &amp;speichern</translation>
    </message>
    <message>
        <source>Add All to &amp;Queue</source>
        <translation>Alle in die &amp;Warteschlange</translation>
    </message>
    <message>
        <source>Each post at its account&apos;s next free posting time</source>
        <translation>Jeden Beitrag zur nächsten freien Postingzeit seines Kontos</translation>
    </message>
    <message>
        <source>Days to spread over</source>
        <translation>Anzahl der Tage zum Verteilen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>S&amp;pread</source>
        <translation>Ver&amp;teilen</translation>
    </message>
    <message>
        <source>One post a day in turn, at this time in the workspace&apos;s zone</source>
        <translation>Reihum ein Beitrag pro Tag, zu dieser Uhrzeit in der Zeitzone des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>or spread over</source>
        <translation>oder verteilen auf</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ab</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Who can see them</source>
        <translation>Wer sie sehen kann</translation>
    </message>
    <message>
        <source>Who can see them…</source>
        <translation>Wer sie sehen kann …</translation>
    </message>
    <message>
        <source>P&amp;rivacy:</source>
        <translation>Sic&amp;htbarkeit:</translation>
    </message>
    <message>
        <source>No videos there (MP4, MOV, WebM).</source>
        <translation>Dort sind keine Videos (MP4, MOV, WebM).</translation>
    </message>
    <message>
        <source>Stored: %1.</source>
        <translation>Gespeichert: %1.</translation>
    </message>
    <message>
        <source>Stored: %1. Not stored: %2</source>
        <translation>Gespeichert: %1. Nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>&amp;Store %1</source>
        <translation>%1 &amp;speichern</translation>
    </message>
    <message>
        <source>Fix the rows with errors, or skip them, to store the others</source>
        <translation>Beheben Sie die Zeilen mit Fehlern oder überspringen Sie sie, um die anderen zu speichern</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation>Noch nichts zu importieren.</translation>
    </message>
    <message>
        <source>%1: %2 ready, %3 with errors. Nothing is stored until you choose Store.</source>
        <translation>%1: %2 bereit, %3 mit Fehlern. Gespeichert wird erst, wenn Sie „Speichern“ wählen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::BulkPlanModel</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>Next free posting time</source>
        <translation>Nächste freie Postingzeit</translation>
    </message>
    <message>
        <source>No time (draft)</source>
        <translation>Keine Zeit (Entwurf)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfergebnis</translation>
    </message>
</context>
<context>
    <name>cq::ui::CalendarGrid</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>This post cannot be moved now.</source>
        <translation>Dieser Beitrag kann jetzt nicht verschoben werden.</translation>
    </message>
    <message>
        <source>A free posting time: double-click to compose a post for it.</source>
        <translation>Eine freie Postingzeit: Doppelklicken, um einen Beitrag dafür zu verfassen.</translation>
    </message>
    <message>
        <source>%1: no posts</source>
        <translation>%1: keine Beiträge</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1 · Today</source>
        <translation>%1 · Heute</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n Beitrag</numerusform>
            <numerusform>%n Beiträge</numerusform>
        </translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>QDate format: a week column&apos;s heading</comment>
        <translation>ddd d. MMM</translation>
    </message>
</context>
<context>
    <name>cq::ui::CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Calendar days</source>
        <translation>Kalendertage</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Monat</translation>
    </message>
    <message>
        <source>Show a month</source>
        <translation>Einen Monat zeigen</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Woche</translation>
    </message>
    <message>
        <source>Show a week, hour by hour</source>
        <translation>Eine Woche zeigen, Stunde für Stunde</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>The month or week before (Page Up)</source>
        <translation>Der Monat oder die Woche davor (Bild auf)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Back to today (Home)</source>
        <translation>Zurück zu heute (Pos1)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>The month or week after (Page Down)</source>
        <translation>Der Monat oder die Woche danach (Bild ab)</translation>
    </message>
    <message>
        <source>&amp;Undo move</source>
        <translation>Verschieben &amp;rückgängig</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Move the last moved post back (Ctrl+Z)</source>
        <translation>Den zuletzt verschobenen Beitrag zurücksetzen (Strg+Z)</translation>
    </message>
    <message>
        <source>&amp;Bulk Import…</source>
        <translation>Massen&amp;import …</translation>
    </message>
    <message>
        <source>Many videos, a folder or a CSV plan at once</source>
        <translation>Viele Videos, einen Ordner oder einen CSV-Plan auf einmal</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>The time zone days and times are shown in; each post keeps its own</source>
        <translation>Die Zeitzone, in der Tage und Uhrzeiten angezeigt werden; jeder Beitrag behält seine eigene</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Angezeigt: %1</translation>
    </message>
    <message>
        <source>Could not load the calendar: %1</source>
        <translation>Der Kalender konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The post is not shown any more; it was not moved.</source>
        <translation>Der Beitrag wird nicht mehr angezeigt; er wurde nicht verschoben.</translation>
    </message>
    <message>
        <source>Could not move the post: %1</source>
        <translation>Der Beitrag konnte nicht verschoben werden: %1</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>QDate format: the month shown</comment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>QDate format: a week&apos;s first day</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>QDate format: a week&apos;s last day</comment>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>cq::ui::CommentDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cq::ui::ComposerPage</name>
    <message>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>TikTok post settings</source>
        <translation>Einstellungen des TikTok-Beitrags</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Neuer Beitrag</translation>
    </message>
    <message>
        <source>&amp;Add media…</source>
        <translation>Medien &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <source>Sc&amp;hedule</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>Reviewer&apos;s comment</source>
        <translation>Kommentar des Prüfers</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation>Probleme und Hinweise</translation>
    </message>
    <message>
        <source>Copying progress</source>
        <translation>Kopierfortschritt</translation>
    </message>
    <message>
        <source>Why the post cannot be saved or sent yet</source>
        <translation>Warum der Beitrag noch nicht gespeichert oder gesendet werden kann</translation>
    </message>
    <message>
        <source>What you agree to by posting</source>
        <translation>Dem stimmen Sie mit dem Posten zu</translation>
    </message>
    <message>
        <source>Music Usage Confirmation</source>
        <translation>Bestätigung zur Musiknutzung</translation>
    </message>
    <message>
        <source>Branded Content Policy</source>
        <translation>Richtlinie für Markeninhalte</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>By posting, you agree to TikTok&apos;s %1</source>
        <translation>Mit dem Posten stimmen Sie TikToks %1 zu</translation>
    </message>
    <message>
        <source>Your TikTok app is not audited yet, so TikTok publishes its direct posts only as “Only me”, and only to private accounts. Sent to the TikTok app instead, the creator picks the audience there (at most 5 waiting posts per 24 hours).</source>
        <translation>Ihre TikTok-App ist noch nicht geprüft, daher veröffentlicht TikTok ihre direkten Beiträge nur als „Nur ich“ und nur auf privaten Konten. Wird der Beitrag stattdessen an die TikTok-App gesendet, wählt der Creator dort das Publikum (höchstens 5 wartende Beiträge pro 24 Stunden).</translation>
    </message>
    <message>
        <source>Send to the TikTok app instead</source>
        <translation>Stattdessen an die TikTok-App senden</translation>
    </message>
    <message>
        <source>Add media</source>
        <translation>Medien hinzufügen</translation>
    </message>
    <message>
        <source>Videos and photos (*.mp4 *.mov *.webm *.m4v *.jpg *.jpeg *.webp *.png *.heic);;Videos (*.mp4 *.mov *.webm *.m4v);;Photos (*.jpg *.jpeg *.webp *.png *.heic);;All files (*)</source>
        <translation>Videos und Fotos (*.mp4 *.mov *.webm *.m4v *.jpg *.jpeg *.webp *.png *.heic);;Videos (*.mp4 *.mov *.webm *.m4v);;Fotos (*.jpg *.jpeg *.webp *.png *.heic);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>One post per video: saving stores %n post(s), each with the caption and settings below.</source>
        <translation>
            <numerusform>Ein Beitrag pro Video: Beim Speichern wird %n Beitrag angelegt, mit der Beschreibung und den Einstellungen unten.</numerusform>
            <numerusform>Ein Beitrag pro Video: Beim Speichern werden %n Beiträge angelegt, jeder mit der Beschreibung und den Einstellungen unten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n video(s) cannot go in one TikTok post. Make one post per video, each with the same caption and settings?</source>
        <translation>
            <numerusform>Dieses %n Video passt nicht in einen TikTok-Beitrag. Einen Beitrag pro Video anlegen, jeden mit derselben Beschreibung und denselben Einstellungen?</numerusform>
            <numerusform>Diese %n Videos passen nicht in einen TikTok-Beitrag. Einen Beitrag pro Video anlegen, jeden mit derselben Beschreibung und denselben Einstellungen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Make it one post</source>
        <translation>Einen Beitrag daraus machen</translation>
    </message>
    <message>
        <source>One post per video</source>
        <translation>Ein Beitrag pro Video</translation>
    </message>
    <message>
        <source>Reading media…</source>
        <translation>Medien werden gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n Problem zu beheben</numerusform>
            <numerusform>%n Probleme zu beheben</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Ready to schedule</source>
        <translation>✔ Bereit zum Planen</translation>
    </message>
    <message>
        <source>✔ Ready to submit for review</source>
        <translation>✔ Bereit zum Einreichen zur Freigabe</translation>
    </message>
    <message>
        <source>✔ Ready to send to the TikTok app</source>
        <translation>✔ Bereit zum Senden an die TikTok-App</translation>
    </message>
    <message>
        <source>✔ Ready to post</source>
        <translation>✔ Bereit zum Posten</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n note(s) below</source>
        <translation>
            <numerusform>%1 · %n Hinweis unten</numerusform>
            <numerusform>%1 · %n Hinweise unten</numerusform>
        </translation>
    </message>
    <message>
        <source>This account has no free posting time: set its weekly posting times first.</source>
        <translation>Dieses Konto hat keine freie Postingzeit: Legen Sie zuerst seine wöchentlichen Postingzeiten fest.</translation>
    </message>
    <message>
        <source>Add a video or photos first: drop them here or press %1.</source>
        <translation>Fügen Sie zuerst ein Video oder Fotos hinzu: Ziehen Sie sie hierher oder drücken Sie %1.</translation>
    </message>
    <message>
        <source>Converting media… (or cancel the conversion)</source>
        <translation>Medien werden umgewandelt … (oder brechen Sie die Umwandlung ab)</translation>
    </message>
    <message>
        <source>Remove %1 first: it cannot be read.</source>
        <translation>Entfernen Sie zuerst %1: Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Opening ClipQueue&apos;s database…</source>
        <translation>ClipQueues Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Save and schedule</source>
        <translation>Speichern und planen</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Zur Freigabe einreichen</translation>
    </message>
    <message>
        <source>Save and submit for review</source>
        <translation>Speichern und zur Freigabe einreichen</translation>
    </message>
    <message>
        <source>Send to TikTok now</source>
        <translation>Jetzt an TikTok senden</translation>
    </message>
    <message>
        <source>Save and send to TikTok now</source>
        <translation>Speichern und jetzt an TikTok senden</translation>
    </message>
    <message>
        <source>Post now</source>
        <translation>Jetzt posten</translation>
    </message>
    <message>
        <source>Save and post now</source>
        <translation>Speichern und jetzt posten</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>The post you were editing was deleted elsewhere (another window or clipqueue-cli). Its caption and settings are still here: add the media again to save it as a new post.</source>
        <translation>Der Beitrag, den Sie bearbeitet haben, wurde anderswo gelöscht (in einem anderen Fenster oder mit clipqueue-cli). Beschreibung und Einstellungen sind noch hier: Fügen Sie die Medien erneut hinzu, um ihn als neuen Beitrag zu speichern.</translation>
    </message>
    <message>
        <source>the default account</source>
        <translation>das Standardkonto</translation>
    </message>
    <message>
        <source>Remove &amp;location from photos</source>
        <translation>Standort aus Fotos entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Fix and Fix all also remove the location (and all other metadata) from photos</source>
        <translation>„Beheben“ und „Alle beheben“ entfernen auch den Standort (und alle anderen Metadaten) aus Fotos</translation>
    </message>
    <message>
        <source>Fix a&amp;ll</source>
        <translation>A&amp;lle beheben</translation>
    </message>
    <message numerus="yes">
        <source>Convert %n item(s) so that TikTok takes them</source>
        <translation>
            <numerusform>%n Element umwandeln, damit TikTok es annimmt</numerusform>
            <numerusform>%n Elemente umwandeln, damit TikTok sie annimmt</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Beheben: %1</translation>
    </message>
    <message>
        <source>Fix %1</source>
        <translation>%1 beheben</translation>
    </message>
    <message>
        <source>A stored post goes to one account: choosing another one moves it there.</source>
        <translation>Ein gespeicherter Beitrag geht an ein Konto: Wählen Sie ein anderes, wird er dorthin verschoben.</translation>
    </message>
    <message>
        <source>A stored post keeps its time: pick a new one, or post it now from the queue.</source>
        <translation>Ein gespeicherter Beitrag behält seine Zeit: Wählen Sie eine neue oder posten Sie ihn jetzt aus der Warteschlange.</translation>
    </message>
    <message>
        <source>Editing a post for %1 (%2). Its media stay as they are: to use other media, create a new post.</source>
        <translation>Sie bearbeiten einen Beitrag für %1 (%2). Seine Medien bleiben, wie sie sind: Für andere Medien legen Sie einen neuen Beitrag an.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changes requested by %1&lt;/b&gt; · %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;Änderungen angefordert von %1&lt;/b&gt; · %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Unsaved post</source>
        <translation>Nicht gespeicherter Beitrag</translation>
    </message>
    <message>
        <source>Save your changes to this post?</source>
        <translation>Ihre Änderungen an diesem Beitrag speichern?</translation>
    </message>
    <message>
        <source>Save this post as a draft before you leave it?</source>
        <translation>Diesen Beitrag als Entwurf speichern, bevor Sie ihn verlassen?</translation>
    </message>
    <message>
        <source>If you discard it, what you composed is gone.</source>
        <translation>Wenn Sie ihn verwerfen, ist das Verfasste verloren.</translation>
    </message>
    <message>
        <source>It cannot be saved as it is: %1</source>
        <translation>So kann er nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The post was not saved</source>
        <translation>Der Beitrag wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 The next video&apos;s post was not saved</source>
        <translation>%1 Der Beitrag des nächsten Videos wurde nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s), one per video. </source>
        <translation>
            <numerusform>%n Beitrag, einer pro Video. </numerusform>
            <numerusform>%n Beiträge, einer pro Video. </numerusform>
        </translation>
    </message>
    <message>
        <source>Your changes were not saved</source>
        <translation>Ihre Änderungen wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved your changes as a draft, but it was not submitted: %1</source>
        <translation>Ihre Änderungen wurden als Entwurf gespeichert, aber nicht eingereicht: %1</translation>
    </message>
    <message>
        <source>Withdraw the approval?</source>
        <translation>Freigabe zurückziehen?</translation>
    </message>
    <message>
        <source>Saving these changes withdraws the post&apos;s approval.</source>
        <translation>Wenn Sie diese Änderungen speichern, wird die Freigabe des Beitrags zurückgezogen.</translation>
    </message>
    <message>
        <source>It is scheduled for %1; after saving it is a draft again and goes out only once it is submitted and approved again.</source>
        <translation>Er ist für %1 geplant; nach dem Speichern ist er wieder ein Entwurf und wird erst veröffentlicht, wenn er erneut eingereicht und freigegeben wurde.</translation>
    </message>
    <message>
        <source>It becomes a draft again and must be submitted and approved again.</source>
        <translation>Er wird wieder ein Entwurf und muss erneut eingereicht und freigegeben werden.</translation>
    </message>
    <message>
        <source>Save and withdraw approval</source>
        <translation>Speichern und Freigabe zurückziehen</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n file(s) into ClipQueue&apos;s media store…</source>
        <translation>
            <numerusform>%n Datei wird in ClipQueues Medienspeicher kopiert …</numerusform>
            <numerusform>%n Dateien werden in ClipQueues Medienspeicher kopiert …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n file(s) into ClipQueue&apos;s media store… %1 of %2</source>
        <translation>
            <numerusform>%n Datei wird in ClipQueues Medienspeicher kopiert … %1 von %2</numerusform>
            <numerusform>%n Dateien werden in ClipQueues Medienspeicher kopiert … %1 von %2</numerusform>
        </translation>
    </message>
    <message>
        <source> TikTok may take a few minutes to process your post.</source>
        <translation> TikTok braucht eventuell ein paar Minuten, um Ihren Beitrag zu verarbeiten.</translation>
    </message>
    <message>
        <source> Then the creator finishes it from a notification in the TikTok app.</source>
        <translation> Danach stellt der Creator ihn über eine Benachrichtigung in der TikTok-App fertig.</translation>
    </message>
    <message>
        <source>✔ %1
Status: %2: %3</source>
        <translation>✔ %1
Status: %2: %3</translation>
    </message>
    <message>
        <source>%1: %2
Nothing was lost: the post is still here. Fix that and try again.</source>
        <translation>%1: %2
Nichts ist verloren: Der Beitrag ist noch hier. Beheben Sie das und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✖ %1</source>
        <translation>✖ %1</translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation>so bald wie möglich</translation>
    </message>
    <message>
        <source>Saved your changes. The post is a draft: send it when it is ready.</source>
        <translation>Ihre Änderungen wurden gespeichert. Der Beitrag ist ein Entwurf: Senden Sie ihn, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Saved your changes. %1</source>
        <translation>Ihre Änderungen wurden gespeichert. %1</translation>
    </message>
    <message>
        <source>Sent for review</source>
        <translation>Zur Freigabe gesendet</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Geplant für %1</translation>
    </message>
    <message>
        <source>Queued to post as soon as possible</source>
        <translation>In die Warteschlange gestellt, um so bald wie möglich zu posten</translation>
    </message>
    <message>
        <source>Saved as a draft</source>
        <translation>Als Entwurf gespeichert</translation>
    </message>
    <message>
        <source>Saved as a draft but not submitted</source>
        <translation>Als Entwurf gespeichert, aber nicht eingereicht</translation>
    </message>
    <message>
        <source>Saved as a draft but not submitted: %1</source>
        <translation>Als Entwurf gespeichert, aber nicht eingereicht: %1</translation>
    </message>
    <message>
        <source>Saved (%1)</source>
        <translation>Gespeichert (%1)</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1 (%2).</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>cq::ui::CopyableView</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alles kopieren</translation>
    </message>
</context>
<context>
    <name>cq::ui::CreatorHeader</name>
    <message>
        <source>Posting as</source>
        <translation>Postet als</translation>
    </message>
    <message>
        <source>Whether this account can post now</source>
        <translation>Ob dieses Konto jetzt posten kann</translation>
    </message>
    <message>
        <source>Posting as %1</source>
        <translation>Postet als %1</translation>
    </message>
    <message>
        <source>Posting as %1 (@%2)</source>
        <translation>Postet als %1 (@%2)</translation>
    </message>
    <message>
        <source>Asking TikTok whether this account can post…</source>
        <translation>TikTok wird gefragt, ob dieses Konto posten kann …</translation>
    </message>
    <message>
        <source>Waiting for TikTok&apos;s creator info: this account&apos;s privacy options, interaction settings and longest video are not known yet.</source>
        <translation>Warten auf die Creator-Infos von TikTok: Sichtbarkeitsoptionen, Interaktionseinstellungen und längstes Video dieses Kontos sind noch nicht bekannt.</translation>
    </message>
    <message>
        <source>✔ TikTok says this account can post.</source>
        <translation>✔ Laut TikTok kann dieses Konto posten.</translation>
    </message>
</context>
<context>
    <name>cq::ui::DisclosureSection</name>
    <message>
        <source>Branded content visibility cannot be set to private</source>
        <translation>Markeninhalte können nicht privat sein</translation>
    </message>
    <message>
        <source>Disclose commercial content</source>
        <translation>Kommerzielle Inhalte offenlegen</translation>
    </message>
    <message>
        <source>Your brand</source>
        <translation>Ihre Marke</translation>
    </message>
    <message>
        <source>Branded content</source>
        <translation>Markeninhalt</translation>
    </message>
    <message>
        <source>Turn on if this post promotes you, your business, a brand or a third party in exchange for something of value.</source>
        <translation>Schalten Sie dies ein, wenn dieser Beitrag Sie, Ihr Unternehmen, eine Marke oder Dritte gegen eine Gegenleistung bewirbt.</translation>
    </message>
    <message>
        <source>The label TikTok will show</source>
        <translation>Die Kennzeichnung, die TikTok anzeigt</translation>
    </message>
    <message>
        <source>You are promoting yourself or your own business.</source>
        <translation>Sie bewerben sich selbst oder Ihr eigenes Unternehmen.</translation>
    </message>
    <message>
        <source>You are promoting another brand or a third party.</source>
        <translation>Sie bewerben eine andere Marke oder Dritte.</translation>
    </message>
    <message>
        <source>%1: choose another audience than &quot;Only me&quot; first.</source>
        <translation>%1: Wählen Sie zuerst ein anderes Publikum als „Nur ich“.</translation>
    </message>
    <message>
        <source>Your post will be labeled “Paid partnership”.</source>
        <translation>Ihr Beitrag wird als „Bezahlte Partnerschaft“ gekennzeichnet.</translation>
    </message>
    <message>
        <source>Your post will be labeled “Promotional content”.</source>
        <translation>Ihr Beitrag wird als „Werbeinhalt“ gekennzeichnet.</translation>
    </message>
    <message>
        <source>Choose “Your brand”, “Branded content” or both: the post cannot go out until you do.</source>
        <translation>Wählen Sie „Ihre Marke“, „Markeninhalt“ oder beides: Vorher kann der Beitrag nicht veröffentlicht werden.</translation>
    </message>
</context>
<context>
    <name>cq::ui::InlineMessage</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>cq::ui::MainWindow</name>
    <message>
        <source>ClipQueue</source>
        <translation>ClipQueue</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Review (999)</source>
        <translation>Freigabe (999)</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Review (%1)</source>
        <translation>Freigabe (%1)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Beitrag</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Verfassen</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Freigabe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ClipQueue</source>
        <translation>&amp;Über ClipQueue</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Posts are stored in %1; media in %2</source>
        <translation>Beiträge werden in %1 gespeichert, Medien in %2</translation>
    </message>
    <message>
        <source>ClipQueue could not start: %1</source>
        <translation>ClipQueue konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>About ClipQueue</source>
        <translation>Über ClipQueue</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ClipQueue %1&lt;/h3&gt;&lt;p&gt;Prepare, review, schedule and publish TikTok posts.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;FFmpeg %4&lt;/p&gt;&lt;p&gt;Posts: %5&lt;br&gt;Media: %6&lt;/p&gt;&lt;p&gt;ClipQueue is free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;. It comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ClipQueue %1&lt;/h3&gt;&lt;p&gt;TikTok-Beiträge vorbereiten, prüfen, planen und veröffentlichen.&lt;/p&gt;&lt;p&gt;Qt %2 (erstellt mit %3)&lt;br&gt;FFmpeg %4&lt;/p&gt;&lt;p&gt;Beiträge: %5&lt;br&gt;Medien: %6&lt;/p&gt;&lt;p&gt;ClipQueue ist freie Software unter der &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, Version 3 oder später&lt;/a&gt;. Es wird ohne jede Gewährleistung bereitgestellt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation>Ka&amp;lender</translation>
    </message>
    <message>
        <source>Settings saved. The new data folder, database or name are used from the next start of ClipQueue.</source>
        <translation>Einstellungen gespeichert. Neuer Datenordner, neue Datenbank oder neuer Name gelten ab dem nächsten Start von ClipQueue.</translation>
    </message>
    <message>
        <source>Quit ClipQueue?</source>
        <translation>ClipQueue beenden?</translation>
    </message>
    <message>
        <source>They go out only while ClipQueue runs, here or on another computer of your team (clipqueue-cli run). Quit anyway?</source>
        <translation>Sie werden nur veröffentlicht, solange ClipQueue läuft, hier oder auf einem anderen Computer Ihres Teams (clipqueue-cli run). Trotzdem beenden?</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Trotzdem beenden</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>ClipQueue keeps publishing</source>
        <translation>ClipQueue veröffentlicht weiter</translation>
    </message>
    <message>
        <source>ClipQueue runs on in the tray and publishes due posts. Quit from the tray menu.</source>
        <translation>ClipQueue läuft im Infobereich weiter und veröffentlicht fällige Beiträge. Beenden Sie es über das Menü im Infobereich.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) due in the next %1 hours.</source>
        <translation>
            <numerusform>%n Beitrag ist in den nächsten %1 Stunden fällig.</numerusform>
            <numerusform>%n Beiträge sind in den nächsten %1 Stunden fällig.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::MediaFixer</name>
    <message>
        <source>%1 could not be converted: %2</source>
        <translation>%1 konnte nicht umgewandelt werden: %2</translation>
    </message>
</context>
<context>
    <name>cq::ui::MediaItemDelegate</name>
    <message>
        <source>★ Cover · %1</source>
        <translation>★ Titelbild · %1</translation>
    </message>
</context>
<context>
    <name>cq::ui::MediaListModel</name>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>no audio</source>
        <translation>kein Ton</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message>
        <source>From %1
Kept in ClipQueue&apos;s media store
%2</source>
        <translation>Aus %1
In ClipQueues Medienspeicher abgelegt
%2</translation>
    </message>
</context>
<context>
    <name>cq::ui::MediaPane</name>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop a video or up to 35 photos here&lt;/p&gt;&lt;p&gt;or use Add media… (%1)&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Ziehen Sie ein Video oder bis zu 35 Fotos hierher&lt;/p&gt;&lt;p&gt;oder verwenden Sie „Medien hinzufügen …“ (%1)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Media of the post</source>
        <translation>Medien des Beitrags</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Nach vorne</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Nach hinten</translation>
    </message>
    <message>
        <source>Use as cover photo</source>
        <translation>Als Titelbild verwenden</translation>
    </message>
    <message>
        <source>Fix for TikTok</source>
        <translation>Für TikTok beheben</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>cq::ui::MediaRowActions</name>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>Converting…</source>
        <translation>Wird umgewandelt …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Beheben: %1</translation>
    </message>
    <message>
        <source>Fix %1</source>
        <translation>%1 beheben</translation>
    </message>
    <message>
        <source>Cancel converting %1</source>
        <translation>Umwandlung von %1 abbrechen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Converting %1</source>
        <translation>%1 wird umgewandelt</translation>
    </message>
</context>
<context>
    <name>cq::ui::PostDetailsPanel</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>log id %1</source>
        <translation>Log-ID %1</translation>
    </message>
    <message>
        <source>no error code</source>
        <translation>kein Fehlercode</translation>
    </message>
    <message>
        <source>The last attempt ended with &lt;b&gt;%1&lt;/b&gt;%2%3.</source>
        <translation>Der letzte Versuch endete mit &lt;b&gt;%1&lt;/b&gt;%2%3.</translation>
    </message>
    <message>
        <source>Select a post to see its details.</source>
        <translation>Wählen Sie einen Beitrag, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>This post was deleted.</source>
        <translation>Dieser Beitrag wurde gelöscht.</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Make a new draft with the same media, caption and settings.</source>
        <translation>Einen neuen Entwurf mit denselben Medien, derselben Beschreibung und denselben Einstellungen anlegen.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who can watch</source>
        <translation>Wer kann es ansehen</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Commercial content</source>
        <translation>Kommerzielle Inhalte</translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation>KI-generiert</translation>
    </message>
    <message>
        <source>Posts to</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>On TikTok</source>
        <translation>Auf TikTok</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Publish attempts</source>
        <translation>Veröffentlichungsversuche</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>(No caption)</source>
        <translation>(Keine Beschreibung)</translation>
    </message>
    <message>
        <source>The default account (none connected)</source>
        <translation>Das Standardkonto (keines verbunden)</translation>
    </message>
    <message>
        <source>%1 (not connected here)</source>
        <translation>%1 (hier nicht verbunden)</translation>
    </message>
    <message>
        <source>TikTok post %1 (the account&apos;s username is not known yet, so there is no link)</source>
        <translation>TikTok-Beitrag %1 (der Benutzername des Kontos ist noch nicht bekannt, daher gibt es keinen Link)</translation>
    </message>
    <message>
        <source> &lt;a href=&quot;https://www.tiktok.com/@%1&quot;&gt;Open @%1 on TikTok&lt;/a&gt;.</source>
        <translation> &lt;a href=&quot;https://www.tiktok.com/@%1&quot;&gt;@%1 auf TikTok öffnen&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;TikTok may or may not have this post.&lt;/b&gt; ClipQueue sent it but could not learn how it ended. %1&lt;/p&gt;&lt;p&gt;Look at the account on TikTok before you choose.%2&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Retry&lt;/b&gt; sends the post again. If TikTok already has it, it will be posted twice: check TikTok first.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Mark as published&lt;/b&gt;: you saw the post on TikTok.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cancel post&lt;/b&gt; gives up on it; nothing more is sent.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ob TikTok diesen Beitrag hat, ist unklar.&lt;/b&gt; ClipQueue hat ihn gesendet, konnte aber nicht erfahren, wie es ausging. %1&lt;/p&gt;&lt;p&gt;Sehen Sie sich das Konto auf TikTok an, bevor Sie wählen.%2&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Erneut versuchen&lt;/b&gt; sendet den Beitrag noch einmal. Hat TikTok ihn schon, erscheint er doppelt: Prüfen Sie zuerst TikTok.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Als veröffentlicht markieren&lt;/b&gt;: Sie haben den Beitrag auf TikTok gesehen.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Beitrag abbrechen&lt;/b&gt; gibt ihn auf; es wird nichts mehr gesendet.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Publishing failed.&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Retry&lt;/b&gt; sends it again as it is; &lt;b&gt;Duplicate&lt;/b&gt; makes a draft you can change first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Veröffentlichen fehlgeschlagen.&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Erneut versuchen&lt;/b&gt; sendet ihn unverändert noch einmal; &lt;b&gt;Duplizieren&lt;/b&gt; legt einen Entwurf an, den Sie vorher ändern können.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>Publishing failed</source>
        <translation>Veröffentlichen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Send it to a reviewer.</source>
        <translation>An einen Prüfer senden.</translation>
    </message>
    <message>
        <source>Queue it to publish at its time.</source>
        <translation>In die Warteschlange stellen, um ihn zu seiner Zeit zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Approve it for publishing.</source>
        <translation>Zur Veröffentlichung freigeben.</translation>
    </message>
    <message>
        <source>Send it back to its author with a comment on what to change.</source>
        <translation>Mit einem Kommentar, was zu ändern ist, an den Autor zurückschicken.</translation>
    </message>
    <message>
        <source>Choose when it is published.</source>
        <translation>Wählen, wann er veröffentlicht wird.</translation>
    </message>
    <message>
        <source>Change caption, settings or time in the composer.</source>
        <translation>Beschreibung, Einstellungen oder Zeit im Editor ändern.</translation>
    </message>
    <message>
        <source>Give up on this post: it will not be published.</source>
        <translation>Diesen Beitrag aufgeben: Er wird nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>Send it to TikTok again now.</source>
        <translation>Jetzt erneut an TikTok senden.</translation>
    </message>
    <message>
        <source>You saw the post on TikTok: record it as published.</source>
        <translation>Sie haben den Beitrag auf TikTok gesehen: als veröffentlicht vermerken.</translation>
    </message>
    <message>
        <source>Delete the post and its history.</source>
        <translation>Den Beitrag und seinen Verlauf löschen.</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Neu planen …</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Planen …</translation>
    </message>
    <message>
        <source>Request changes…</source>
        <translation>Änderungen anfordern …</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Entwurf löschen …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Änderungen anfordern</translation>
    </message>
    <message>
        <source>What should change? The author sees this comment in the post&apos;s history.</source>
        <translation>Was soll sich ändern? Der Autor sieht diesen Kommentar im Verlauf des Beitrags.</translation>
    </message>
    <message>
        <source>&amp;Request changes</source>
        <translation>Änderungen &amp;anfordern</translation>
    </message>
    <message>
        <source>Delete post?</source>
        <translation>Beitrag löschen?</translation>
    </message>
    <message>
        <source>Delete this post? Its history goes with it. This cannot be undone.</source>
        <translation>Diesen Beitrag löschen? Sein Verlauf wird mitgelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete “%1”? Its history goes with it. This cannot be undone.</source>
        <translation>„%1“ löschen? Sein Verlauf wird mitgelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Duplicated as a new draft.</source>
        <translation>Als neuer Entwurf dupliziert.</translation>
    </message>
</context>
<context>
    <name>cq::ui::PostHistoryModel</name>
    <message>
        <source>Publisher (%1)</source>
        <translation>Veröffentlichungsdienst (%1)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>cq::ui::PostSettingsForm</name>
    <message>
        <source>TikTok post</source>
        <translation>TikTok-Beitrag</translation>
    </message>
    <message>
        <source>P&amp;ost to</source>
        <translation>Posten au&amp;f</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Who can see it</source>
        <translation>&amp;Wer kann es sehen</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Offenlegung</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Kennzeichnung</translation>
    </message>
    <message>
        <source>Wh&amp;en</source>
        <translation>W&amp;ann</translation>
    </message>
    <message>
        <source>&amp;Publish directly</source>
        <translation>Direkt &amp;veröffentlichen</translation>
    </message>
    <message>
        <source>ClipQueue posts it onto the profile with the settings below.</source>
        <translation>ClipQueue postet ihn mit den Einstellungen unten direkt aufs Profil.</translation>
    </message>
    <message>
        <source>Send to the TikTok &amp;app to finish</source>
        <translation>Zum Fertigstellen an die TikTok-A&amp;pp senden</translation>
    </message>
    <message>
        <source>TikTok&apos;s MEDIA_UPLOAD mode: the creator finishes the post in the TikTok app.</source>
        <translation>TikToks Modus MEDIA_UPLOAD: Der Creator stellt den Beitrag in der TikTok-App fertig.</translation>
    </message>
    <message>
        <source>The creator gets a notification in the TikTok app and finishes the post there: who can see it, interactions, disclosure and labels are chosen in the app, and TikTok ignores them here. At most 5 posts can wait in the app per 24 hours.</source>
        <translation>Der Creator erhält eine Benachrichtigung in der TikTok-App und stellt den Beitrag dort fertig: Sichtbarkeit, Interaktionen, Offenlegung und Kennzeichnungen werden in der App gewählt, und TikTok ignoriert sie hier. Höchstens 5 Beiträge können pro 24 Stunden in der App warten.</translation>
    </message>
    <message>
        <source>Caption, #hashtags and @mentions</source>
        <translation>Beschreibung, #Hashtags und @Erwähnungen</translation>
    </message>
    <message>
        <source>Caption length</source>
        <translation>Länge der Beschreibung</translation>
    </message>
    <message>
        <source>Counted as TikTok counts: most emoji count 2.</source>
        <translation>Gezählt wie bei TikTok: Die meisten Emojis zählen doppelt.</translation>
    </message>
    <message>
        <source>A short title for the photos</source>
        <translation>Ein kurzer Titel für die Fotos</translation>
    </message>
    <message>
        <source>Title length</source>
        <translation>Länge des Titels</translation>
    </message>
    <message>
        <source>Allow co&amp;mments</source>
        <translation>&amp;Kommentare erlauben</translation>
    </message>
    <message>
        <source>Allow &amp;Duet</source>
        <translation>&amp;Duett erlauben</translation>
    </message>
    <message>
        <source>Allow S&amp;titch</source>
        <translation>&amp;Stitch erlauben</translation>
    </message>
    <message>
        <source>AI-&amp;generated content</source>
        <translation>KI-&amp;generierte Inhalte</translation>
    </message>
    <message>
        <source>Turn on if AI made or substantially changed this video: TikTok labels it &quot;AI-generated&quot;.</source>
        <translation>Schalten Sie dies ein, wenn KI dieses Video erstellt oder wesentlich verändert hat: TikTok kennzeichnet es als „KI-generiert“.</translation>
    </message>
    <message>
        <source>Let TikTok add &amp;music</source>
        <translation>TikTok darf &amp;Musik hinzufügen</translation>
    </message>
    <message>
        <source>TikTok adds recommended music to the photos.</source>
        <translation>TikTok fügt den Fotos empfohlene Musik hinzu.</translation>
    </message>
    <message>
        <source>Choose who can see this post</source>
        <translation>Wählen Sie, wer diesen Beitrag sehen kann</translation>
    </message>
    <message>
        <source>Turned off in this account&apos;s TikTok settings.</source>
        <translation>In den TikTok-Einstellungen dieses Kontos ausgeschaltet.</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Duet</source>
        <translation>Duett</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Stitch</translation>
    </message>
    <message>
        <source>%1: turned off in this account&apos;s TikTok settings, so this post cannot allow them.</source>
        <translation>%1: in den TikTok-Einstellungen dieses Kontos ausgeschaltet, daher kann dieser Beitrag sie nicht erlauben.</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
</context>
<context>
    <name>cq::ui::PostTableModel</name>
    <message>
        <source>Default account</source>
        <translation>Standardkonto</translation>
    </message>
    <message>
        <source>No caption</source>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <source>The default account</source>
        <translation>Das Standardkonto</translation>
    </message>
    <message>
        <source>Thumbnail</source>
        <translation>Vorschaubild</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>cq::ui::PostText</name>
    <message>
        <source>%1 on</source>
        <translation>%1 an</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Duet</source>
        <translation>Duett</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Stitch</translation>
    </message>
    <message>
        <source>your brand</source>
        <translation>Ihre Marke</translation>
    </message>
    <message>
        <source>branded content (paid partnership)</source>
        <translation>Markeninhalt (bezahlte Partnerschaft)</translation>
    </message>
    <message>
        <source>Disclosed: %1</source>
        <translation>Offengelegt: %1</translation>
    </message>
    <message>
        <source>Disclosed (type not chosen)</source>
        <translation>Offengelegt (Art nicht gewählt)</translation>
    </message>
    <message>
        <source>Not disclosed</source>
        <translation>Nicht offengelegt</translation>
    </message>
    <message>
        <source>Yes, labelled as AI-generated</source>
        <translation>Ja, als KI-generiert gekennzeichnet</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>To the creator&apos;s TikTok drafts (inbox), to finish in the app</source>
        <translation>In die TikTok-Entwürfe des Creators (Posteingang), zum Fertigstellen in der App</translation>
    </message>
    <message>
        <source>Onto the profile</source>
        <translation>Direkt aufs Profil</translation>
    </message>
    <message>
        <source>Video · %1</source>
        <translation>Video · %1</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Foto %1</translation>
    </message>
</context>
<context>
    <name>cq::ui::PublishAttemptsModel</name>
    <message>
        <source>Still running</source>
        <translation>Läuft noch</translation>
    </message>
    <message>
        <source>TikTok&apos;s log id: give it to TikTok&apos;s support with the error code. Right-click to copy.</source>
        <translation>Log-ID von TikTok: Geben Sie sie mit dem Fehlercode an den TikTok-Support weiter. Zum Kopieren rechtsklicken.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Log ID</source>
        <translation>Log-ID</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
</context>
<context>
    <name>cq::ui::PublishingStatusWidget</name>
    <message>
        <source>a post without caption</source>
        <translation>Ein Beitrag ohne Beschreibung</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>“%1…”</source>
        <translation>„%1…“</translation>
    </message>
    <message>
        <source>Uploading %1: %2 of %3</source>
        <translation>%1 wird hochgeladen: %2 von %3</translation>
    </message>
    <message>
        <source>%1 is published on TikTok.</source>
        <translation>%1 ist auf TikTok veröffentlicht.</translation>
    </message>
    <message>
        <source>%1 failed to publish; its attempt log says why.</source>
        <translation>%1 konnte nicht veröffentlicht werden; das Versuchsprotokoll nennt den Grund.</translation>
    </message>
    <message>
        <source>%1 needs your attention: check the account in TikTok before retrying.</source>
        <translation>%1 muss geklärt werden: Prüfen Sie das Konto auf TikTok, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 ist jetzt: %2.</translation>
    </message>
</context>
<context>
    <name>cq::ui::QueueFilterBar</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Wird veröffentlicht</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Show posts by status</source>
        <translation>Beiträge nach Status zeigen</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>Any &amp;time</source>
        <translation>&amp;Jederzeit</translation>
    </message>
    <message>
        <source>Show posts of any date; clear it to show a range of days</source>
        <translation>Beiträge jedes Datums zeigen; abwählen, um einen Zeitraum zu zeigen</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>&amp;bis:</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search captions</source>
        <translation>Beschreibungen durchsuchen</translation>
    </message>
    <message>
        <source>Search captions (%1)</source>
        <translation>Beschreibungen durchsuchen (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Every post</source>
        <translation>Jeder Beitrag</translation>
    </message>
    <message>
        <source>Show only: %1</source>
        <translation>Nur zeigen: %1</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag</numerusform>
            <numerusform>%Ln Beiträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::QueuePage</name>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>Die Warteschlange konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>&amp;Cancel posts</source>
        <translation>Beiträge &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected posts: they will not be published</source>
        <translation>Die ausgewählten Beiträge abbrechen: Sie werden nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Publish the selected posts again as soon as possible</source>
        <translation>Die ausgewählten Beiträge so bald wie möglich erneut veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Neu planen …</translation>
    </message>
    <message>
        <source>Move the selected posts later or earlier by minutes, hours or days</source>
        <translation>Die ausgewählten Beiträge um Minuten, Stunden oder Tage nach hinten oder vorne verschieben</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected posts from ClipQueue</source>
        <translation>Die ausgewählten Beiträge aus ClipQueue löschen</translation>
    </message>
    <message>
        <source>&amp;Compose a Post</source>
        <translation>Beitrag &amp;verfassen</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>&amp;Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Select posts first. %1</source>
        <translation>Wählen Sie zuerst Beiträge aus. %1</translation>
    </message>
    <message>
        <source>Not allowed for this post now.</source>
        <translation>Für diesen Beitrag jetzt nicht erlaubt.</translation>
    </message>
    <message>
        <source>Not for every selected post. %1</source>
        <translation>Nicht für jeden ausgewählten Beitrag. %1</translation>
    </message>
    <message>
        <source>Waiting for the last action to finish.</source>
        <translation>Warten, bis die letzte Aktion abgeschlossen ist.</translation>
    </message>
    <message>
        <source>No posts match these filters.</source>
        <translation>Keine Beiträge passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>No posts yet — compose one</source>
        <translation>Noch keine Beiträge – verfassen Sie einen</translation>
    </message>
    <message>
        <source>The post is no longer in this queue.</source>
        <translation>Der Beitrag ist nicht mehr in dieser Warteschlange.</translation>
    </message>
    <message>
        <source>Delete Posts</source>
        <translation>Beiträge löschen</translation>
    </message>
    <message>
        <source>Delete this post?</source>
        <translation>Diesen Beitrag löschen?</translation>
    </message>
    <message>
        <source>They are removed from ClipQueue for good. Posts already published stay on TikTok.</source>
        <translation>Sie werden endgültig aus ClipQueue entfernt. Bereits veröffentlichte Beiträge bleiben auf TikTok.</translation>
    </message>
    <message>
        <source>Delete Post</source>
        <translation>Beitrag löschen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Trade times with this account&apos;s post before it</source>
        <translation>Zeiten mit dem vorherigen Beitrag dieses Kontos tauschen</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Trade times with this account&apos;s post after it</source>
        <translation>Zeiten mit dem nächsten Beitrag dieses Kontos tauschen</translation>
    </message>
    <message>
        <source>Select one post that has a time, with another movable post of its account %1 it.</source>
        <translation>Wählen Sie einen Beitrag mit Zeit, %1 dem ein weiterer verschiebbarer Beitrag seines Kontos liegt.</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vor</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nach</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) selected</source>
        <translation>
            <numerusform>%Ln Beitrag ausgewählt</numerusform>
            <numerusform>%Ln Beiträge ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln post(s)?</source>
        <translation>
            <numerusform>%Ln Beitrag löschen?</numerusform>
            <numerusform>%Ln Beiträge löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Post(s)</source>
        <translation>
            <numerusform>%Ln Beitrag löschen</numerusform>
            <numerusform>%Ln Beiträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not move the post: %1</source>
        <translation>Der Beitrag konnte nicht verschoben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not move %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>%1 von %n Beitrag konnten nicht verschoben werden. Die erste Meldung: %2</numerusform>
            <numerusform>%1 von %n Beiträgen konnten nicht verschoben werden. Die erste Meldung: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not cancel the post: %1</source>
        <translation>Der Beitrag konnte nicht abgebrochen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not cancel %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>%1 von %n Beitrag konnten nicht abgebrochen werden. Die erste Meldung: %2</numerusform>
            <numerusform>%1 von %n Beiträgen konnten nicht abgebrochen werden. Die erste Meldung: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not retry the post: %1</source>
        <translation>Der Beitrag konnte nicht erneut versucht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not retry %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>%1 von %n Beitrag konnten nicht erneut versucht werden. Die erste Meldung: %2</numerusform>
            <numerusform>%1 von %n Beiträgen konnten nicht erneut versucht werden. Die erste Meldung: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reschedule the post: %1</source>
        <translation>Der Beitrag konnte nicht neu geplant werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not reschedule %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>%1 von %n Beitrag konnten nicht neu geplant werden. Die erste Meldung: %2</numerusform>
            <numerusform>%1 von %n Beiträgen konnten nicht neu geplant werden. Die erste Meldung: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not delete the post: %1</source>
        <translation>Der Beitrag konnte nicht gelöscht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Could not delete %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>%1 von %n Beitrag konnten nicht gelöscht werden. Die erste Meldung: %2</numerusform>
            <numerusform>%1 von %n Beiträgen konnten nicht gelöscht werden. Die erste Meldung: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The post did not change: %1</source>
        <translation>Der Beitrag wurde nicht geändert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n post(s) did not change. The first said: %2</source>
        <translation>
            <numerusform>%1 von %n Beitrag wurden nicht geändert. Die erste Meldung: %2</numerusform>
            <numerusform>%1 von %n Beiträgen wurden nicht geändert. Die erste Meldung: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::QueueText</name>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>No media</source>
        <translation>Keine Medien</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::RescheduleDialog</name>
    <message>
        <source>Reschedule Posts</source>
        <translation>Beiträge neu planen</translation>
    </message>
    <message>
        <source>Move by</source>
        <translation>Verschieben um</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>&amp;Move by:</source>
        <translation>&amp;Verschieben um:</translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation>&amp;Neu planen</translation>
    </message>
    <message>
        <source>Each post keeps its own time zone; one to go as soon as possible is moved from now.</source>
        <translation>Jeder Beitrag behält seine eigene Zeitzone; ein Beitrag für „so bald wie möglich“ wird ab jetzt verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) stay where they are.</source>
        <translation>
            <numerusform>%n Beitrag bleibt, wo er ist.</numerusform>
            <numerusform>%n Beiträge bleiben, wo sie sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moves %n post(s) %1 later.</source>
        <translation>
            <numerusform>Verschiebt %n Beitrag um %1 nach hinten.</numerusform>
            <numerusform>Verschiebt %n Beiträge um %1 nach hinten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moves %n post(s) %1 earlier.</source>
        <translation>
            <numerusform>Verschiebt %n Beitrag um %1 nach vorne.</numerusform>
            <numerusform>Verschiebt %n Beiträge um %1 nach vorne.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::ReviewListModel</name>
    <message>
        <source>Default account</source>
        <translation>Standardkonto</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
    <message>
        <source>(No caption)</source>
        <translation>(Keine Beschreibung)</translation>
    </message>
    <message>
        <source>%1. %2. %3. %4.</source>
        <translation>%1. %2. %3. %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::ReviewPage</name>
    <message>
        <source>Posts waiting for review</source>
        <translation>Beiträge, die auf Freigabe warten</translation>
    </message>
    <message>
        <source>&amp;Comment (optional to approve, required to request changes):</source>
        <translation>&amp;Kommentar (optional beim Freigeben, nötig beim Anfordern von Änderungen):</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Prüfkommentar</translation>
    </message>
    <message>
        <source>What should change? The author sees this in the post&apos;s history.</source>
        <translation>Was soll sich ändern? Der Autor sieht das im Verlauf des Beitrags.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Request &amp;changes</source>
        <translation>Änderungen &amp;anfordern</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;Nothing to review&lt;/p&gt;&lt;p&gt;Posts people submit for review appear here.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;Nichts zu prüfen&lt;/p&gt;&lt;p&gt;Beiträge, die zur Freigabe eingereicht werden, erscheinen hier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nichts zu prüfen</translation>
    </message>
    <message>
        <source>J or ↓: next post · K or ↑: previous post</source>
        <translation>J oder ↓: nächster Beitrag · K oder ↑: vorheriger Beitrag</translation>
    </message>
    <message>
        <source>The posts waiting for review could not be loaded: %1</source>
        <translation>Die Beiträge, die auf Freigabe warten, konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Approve the post; the comment is optional</source>
        <translation>Den Beitrag freigeben; der Kommentar ist optional</translation>
    </message>
    <message>
        <source>, or A</source>
        <translation>, oder A</translation>
    </message>
    <message>
        <source>Send the post back to its author with your comment</source>
        <translation>Den Beitrag mit Ihrem Kommentar an den Autor zurückschicken</translation>
    </message>
    <message>
        <source>; R writes the comment</source>
        <translation>; R schreibt den Kommentar</translation>
    </message>
    <message>
        <source>the post</source>
        <translation>den Beitrag</translation>
    </message>
    <message>
        <source>Approved %1.</source>
        <translation>%1 freigegeben.</translation>
    </message>
    <message>
        <source>Sent %1 back for changes.</source>
        <translation>%1 zur Überarbeitung zurückgeschickt.</translation>
    </message>
</context>
<context>
    <name>cq::ui::ScheduleDialog</name>
    <message>
        <source>Reschedule post</source>
        <translation>Beitrag neu planen</translation>
    </message>
    <message>
        <source>Schedule post</source>
        <translation>Beitrag planen</translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation>&amp;Neu planen</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum und Uhrzeit:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Choose a time zone from the list.</source>
        <translation>Wählen Sie eine Zeitzone aus der Liste.</translation>
    </message>
    <message>
        <source>Goes out %1</source>
        <translation>Wird veröffentlicht: %1</translation>
    </message>
</context>
<context>
    <name>cq::ui::SettingsDialog</name>
    <message>
        <source>ClipQueue settings</source>
        <translation>ClipQueue-Einstellungen</translation>
    </message>
    <message>
        <source>Environment variables set these settings, and they win over what is saved here: %1.</source>
        <translation>Umgebungsvariablen legen diese Einstellungen fest und haben Vorrang vor dem, was hier gespeichert ist: %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Set by the environment variable %1, which wins over this setting.</source>
        <translation>Festgelegt durch die Umgebungsvariable %1, die Vorrang vor dieser Einstellung hat.</translation>
    </message>
    <message>
        <source>(from the environment)</source>
        <translation>(aus der Umgebung)</translation>
    </message>
    <message>
        <source>set by %1</source>
        <translation>festgelegt durch %1</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>empty: this computer&apos;s own database</source>
        <translation>leer: Datenbank dieses Computers</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>A team shares one PostgreSQL database: &lt;tt&gt;postgresql://user:password@host:5432/clipqueue&lt;/tt&gt;. The data folder and the database are used from the next start.</source>
        <translation>Ein Team teilt sich eine PostgreSQL-Datenbank: &lt;tt&gt;postgresql://user:password@host:5432/clipqueue&lt;/tt&gt;. Datenordner und Datenbank gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Your &amp;name in history:</source>
        <translation>Ihr &amp;Name im Verlauf:</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
    <message>
        <source>&amp;Publish due posts from this computer</source>
        <translation>Fällige Beiträge von diesem Computer &amp;veröffentlichen</translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Your TikTok developer app</source>
        <translation>Ihre TikTok-Entwickler-App</translation>
    </message>
    <message>
        <source>ClipQueue posts through your own app from the &lt;a href=&quot;https://developers.tiktok.com/apps&quot;&gt;TikTok developer portal&lt;/a&gt;: add Login Kit (desktop) with the redirect URI &lt;tt&gt;http://127.0.0.1:*/callback/&lt;/tt&gt; and the Content Posting API with the scopes &lt;tt&gt;%1&lt;/tt&gt;, then copy its client key and secret here. The secret is kept in your keychain, not in the settings file.</source>
        <translation>ClipQueue postet über Ihre eigene App aus dem &lt;a href=&quot;https://developers.tiktok.com/apps&quot;&gt;TikTok-Entwicklerportal&lt;/a&gt;: Fügen Sie Login Kit (Desktop) mit der Weiterleitungs-URI &lt;tt&gt;http://127.0.0.1:*/callback/&lt;/tt&gt; und die Content Posting API mit den Scopes &lt;tt&gt;%1&lt;/tt&gt; hinzu und kopieren Sie dann Client-Key und Secret hierher. Das Secret liegt in Ihrem Schlüsselbund, nicht in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Key:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <source>Photo hosting</source>
        <translation>Foto-Hosting</translation>
    </message>
    <message>
        <source>TikTok pulls photos from a web address you verified in the developer portal. ClipQueue uploads each photo there (HTTP PUT) first.</source>
        <translation>TikTok holt Fotos von einer Webadresse ab, die Sie im Entwicklerportal bestätigt haben. ClipQueue lädt jedes Foto zuerst dorthin hoch (HTTP PUT).</translation>
    </message>
    <message>
        <source>&amp;Upload URL:</source>
        <translation>U&amp;pload-URL:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Team workspace (shared through the database)</source>
        <translation>Team-Arbeitsbereich (über die Datenbank geteilt)</translation>
    </message>
    <message>
        <source>&amp;Approval required before posts are scheduled</source>
        <translation>Frei&amp;gabe erforderlich, bevor Beiträge geplant werden</translation>
    </message>
    <message>
        <source>Default time &amp;zone:</source>
        <translation>Standard-&amp;Zeitzone:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>Kul&amp;anzzeit:</translation>
    </message>
    <message>
        <source>A post whose time passed while nothing ran still goes out within the grace period; later, it waits for you.</source>
        <translation>Ein Beitrag, dessen Zeit verstrichen ist, während nichts lief, wird innerhalb der Kulanzzeit noch veröffentlicht; danach wartet er auf Sie.</translation>
    </message>
    <message>
        <source>reading the keychain…</source>
        <translation>Schlüsselbund wird gelesen …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Dur&amp;chsuchen …</translation>
    </message>
    <message>
        <source>Team database UR&amp;L:</source>
        <translation>Team-Datenbank-UR&amp;L:</translation>
    </message>
    <message>
        <source>TikTok has aud&amp;ited this app</source>
        <translation>TikTok hat diese App gepr&amp;üft</translation>
    </message>
    <message>
        <source>Until TikTok audits an app, everything it posts is private (&quot;Only me&quot;) and at most 5 posts may wait in a creator&apos;s inbox. Tick this once TikTok has approved yours; until then ClipQueue suggests sending posts to the TikTok app to finish.</source>
        <translation>Bis TikTok eine App geprüft hat, ist alles, was sie postet, privat („Nur ich“), und höchstens 5 Beiträge dürfen im Posteingang eines Creators warten. Setzen Sie den Haken, sobald TikTok Ihre App freigegeben hat; bis dahin schlägt ClipQueue vor, Beiträge zum Fertigstellen an die TikTok-App zu senden.</translation>
    </message>
    <message>
        <source>Publi&amp;c URL:</source>
        <translation>Ö&amp;ffentliche URL:</translation>
    </message>
    <message>
        <source>Upload t&amp;oken:</source>
        <translation>Upload-T&amp;oken:</translation>
    </message>
    <message>
        <source>For an S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO), ClipQueue signs the uploads with these keys; leave them empty for WebDAV or a plain PUT.</source>
        <translation>Für einen S3-kompatiblen Bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO) signiert ClipQueue die Uploads mit diesen Schlüsseln; lassen Sie sie für WebDAV oder ein einfaches PUT leer.</translation>
    </message>
    <message>
        <source>S3 access ke&amp;y:</source>
        <translation>S3-Zugriffsschlüss&amp;el:</translation>
    </message>
    <message>
        <source>S3 s&amp;ecret key:</source>
        <translation>S3-Gehe&amp;imschlüssel:</translation>
    </message>
    <message>
        <source>S3 &amp;region:</source>
        <translation>S3-&amp;Region:</translation>
    </message>
    <message>
        <source>S3 &amp;bucket:</source>
        <translation>S3-&amp;Bucket:</translation>
    </message>
    <message>
        <source>optional: empty when the upload URL names it</source>
        <translation>optional: leer, wenn die Upload-URL ihn enthält</translation>
    </message>
</context>
<context>
    <name>cq::ui::SeverityLabel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>cq::ui::StatusBadgeDelegate</name>
    <message>
        <source>%1 · %2%</source>
        <translation>%1 · %2 %</translation>
    </message>
</context>
<context>
    <name>cq::ui::StatusText</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Wird veröffentlicht</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Verarbeitung</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>Not submitted yet: it will not be published.</source>
        <translation>Noch nicht eingereicht: Er wird nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>Waiting for a reviewer to approve it.</source>
        <translation>Wartet auf die Freigabe durch einen Prüfer.</translation>
    </message>
    <message>
        <source>A reviewer asked for changes: edit it and submit it again.</source>
        <translation>Ein Prüfer hat Änderungen angefordert: Bearbeiten Sie ihn und reichen Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>Approved: schedule it to publish it.</source>
        <translation>Freigegeben: Planen Sie ihn, um ihn zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Will be published at its time.</source>
        <translation>Wird zu seiner Zeit veröffentlicht.</translation>
    </message>
    <message>
        <source>Being sent to TikTok now.</source>
        <translation>Wird gerade an TikTok gesendet.</translation>
    </message>
    <message>
        <source>Sent: TikTok is processing it.</source>
        <translation>Gesendet: TikTok verarbeitet ihn.</translation>
    </message>
    <message>
        <source>Published on TikTok.</source>
        <translation>Auf TikTok veröffentlicht.</translation>
    </message>
    <message>
        <source>Publishing failed: retry it, or duplicate and edit it.</source>
        <translation>Veröffentlichen fehlgeschlagen: Versuchen Sie es erneut oder duplizieren und bearbeiten Sie ihn.</translation>
    </message>
    <message>
        <source>Cancelled: it will not be published.</source>
        <translation>Abgebrochen: Er wird nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>TikTok may or may not have it: check TikTok, then mark it published or retry.</source>
        <translation>Ob TikTok ihn hat, ist unklar: Prüfen Sie TikTok und markieren Sie ihn dann als veröffentlicht oder versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Follower</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Nicht gewählt</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Zur Freigabe einreichen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Änderungen anfordern</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation>Beitrag abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Mark as published</source>
        <translation>Als veröffentlicht markieren</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Duplicated</source>
        <translation>Dupliziert</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Requested changes</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Erneut versucht</translation>
    </message>
    <message>
        <source>Marked as published</source>
        <translation>Als veröffentlicht markiert</translation>
    </message>
    <message>
        <source>Picked up to publish</source>
        <translation>Zum Veröffentlichen übernommen</translation>
    </message>
    <message>
        <source>Taken over by another runner</source>
        <translation>Von einem anderen Veröffentlichungsprozess übernommen</translation>
    </message>
    <message>
        <source>Sent to TikTok</source>
        <translation>An TikTok gesendet</translation>
    </message>
    <message>
        <source>TikTok is processing</source>
        <translation>TikTok verarbeitet</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Missed its time</source>
        <translation>Zeitpunkt verpasst</translation>
    </message>
    <message>
        <source>Waiting to try again</source>
        <translation>Wartet auf erneuten Versuch</translation>
    </message>
</context>
<context>
    <name>cq::ui::TimeText</name>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>As soon as possible</source>
        <translation>So bald wie möglich</translation>
    </message>
    <message>
        <source>%1 your time</source>
        <translation>%1 bei Ihnen</translation>
    </message>
</context>
<context>
    <name>cq::ui::TrayIcon</name>
    <message>
        <source>&amp;Open ClipQueue</source>
        <translation>ClipQueue ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Pause publishing</source>
        <translation>Veröffentlichen &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>ClipQueue</source>
        <translation>ClipQueue</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>%1 is on TikTok.</source>
        <translation>%1 ist auf TikTok.</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>%1 failed. Open it to see why and retry.</source>
        <translation>%1 ist fehlgeschlagen. Öffnen Sie ihn, um den Grund zu sehen und es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>%1: ClipQueue cannot tell whether it was published. Open it to check.</source>
        <translation>%1: ClipQueue kann nicht feststellen, ob er veröffentlicht wurde. Öffnen Sie ihn, um es zu prüfen.</translation>
    </message>
    <message>
        <source>Due posts go out from this computer</source>
        <translation>Fällige Beiträge werden von diesem Computer veröffentlicht</translation>
    </message>
    <message>
        <source>Publishing is paused</source>
        <translation>Veröffentlichen ist pausiert</translation>
    </message>
    <message>
        <source>ClipQueue: publishing</source>
        <translation>ClipQueue: Veröffentlichen aktiv</translation>
    </message>
    <message>
        <source>ClipQueue: publishing paused</source>
        <translation>ClipQueue: Veröffentlichen pausiert</translation>
    </message>
</context>
<context>
    <name>cq::ui::TrimStep</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Trim the video</source>
        <translation>Video kürzen</translation>
    </message>
    <message>
        <source>Start of the part to keep</source>
        <translation>Beginn des Teils, der bleibt</translation>
    </message>
    <message>
        <source>End of the part to keep</source>
        <translation>Ende des Teils, der bleibt</translation>
    </message>
    <message>
        <source>Trim and convert</source>
        <translation>Kürzen und umwandeln</translation>
    </message>
    <message>
        <source>Set start here</source>
        <translation>Beginn hier setzen</translation>
    </message>
    <message>
        <source>The part to keep starts at the preview&apos;s playhead</source>
        <translation>Der Teil, der bleibt, beginnt an der Abspielposition der Vorschau</translation>
    </message>
    <message>
        <source>Set end here</source>
        <translation>Ende hier setzen</translation>
    </message>
    <message>
        <source>The part to keep ends at the preview&apos;s playhead</source>
        <translation>Der Teil, der bleibt, endet an der Abspielposition der Vorschau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel trimming</source>
        <translation>Kürzen abbrechen</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>Star&amp;t:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>E&amp;nde:</translation>
    </message>
    <message>
        <source>Trim %1</source>
        <translation>%1 kürzen</translation>
    </message>
    <message>
        <source>Keeps %1, from %2 to %3. The creator&apos;s maximum: %4.</source>
        <translation>Behält %1, von %2 bis %3. Maximum des Creators: %4.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>Too long: move the start or the end.</source>
        <translation>Zu lang: Verschieben Sie Beginn oder Ende.</translation>
    </message>
</context>
<context>
    <name>cq::ui::VideoPreview</name>
    <message>
        <source>9:16 preview</source>
        <translation>9:16-Vorschau</translation>
    </message>
    <message>
        <source>Video preview, 9:16 as TikTok shows it</source>
        <translation>Videovorschau, 9:16 wie bei TikTok</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Position im Video</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm schalten</translation>
    </message>
    <message>
        <source>Playback time</source>
        <translation>Wiedergabezeit</translation>
    </message>
    <message>
        <source>Use this frame as &amp;cover</source>
        <translation>Als T&amp;itelbild verwenden</translation>
    </message>
    <message>
        <source>Scrub to the frame you want, then use it as the cover TikTok shows</source>
        <translation>Spulen Sie zum gewünschten Bild und verwenden Sie es als Titelbild, das TikTok zeigt</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <source>Use the first frame as cover</source>
        <translation>Das erste Bild als Titelbild verwenden</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>Cover: the first frame</source>
        <translation>Titelbild: erstes Bild</translation>
    </message>
    <message>
        <source>Cover: the frame at %1</source>
        <translation>Titelbild: Bild bei %1</translation>
    </message>
</context>
<context>
    <name>cq::ui::WelcomePage</name>
    <message>
        <source>Enter the app&apos;s key and secret…</source>
        <translation>Key und Secret der App eingeben …</translation>
    </message>
    <message>
        <source>Connect an account…</source>
        <translation>Konto verbinden …</translation>
    </message>
    <message>
        <source>Use a team database…</source>
        <translation>Team-Datenbank verwenden …</translation>
    </message>
    <message>
        <source>&amp;Start using ClipQueue</source>
        <translation>ClipQueue &amp;verwenden</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Welcome to ClipQueue&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Willkommen bei ClipQueue&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Three steps set ClipQueue up; each can be done now or later from Settings (Ctrl+,) and the Accounts page.</source>
        <translation>Drei Schritte richten ClipQueue ein; jeden können Sie jetzt oder später in den Einstellungen (Strg+,) und auf der Seite „Konten“ erledigen.</translation>
    </message>
    <message>
        <source>1. Your TikTok developer app</source>
        <translation>1. Ihre TikTok-Entwickler-App</translation>
    </message>
    <message>
        <source>TikTok lets apps post only with their own client key and secret, which open-source apps may not ship, so ClipQueue uses yours. Create an app at &lt;a href=&quot;https://developers.tiktok.com/apps&quot;&gt;developers.tiktok.com&lt;/a&gt;, add Login Kit for desktop with the redirect URI &lt;tt&gt;http://127.0.0.1:*/callback/&lt;/tt&gt; and the Content Posting API with the scopes &lt;tt&gt;%1&lt;/tt&gt;. Until TikTok audits the app, every post is private (&quot;Only me&quot;) and the account must be private; TikTok audits apps that serve many creators, not a team&apos;s own tool.</source>
        <translation>TikTok lässt Apps nur mit ihrem eigenen Client-Key und Secret posten, die Open-Source-Apps nicht mitliefern dürfen; daher verwendet ClipQueue Ihre. Legen Sie auf &lt;a href=&quot;https://developers.tiktok.com/apps&quot;&gt;developers.tiktok.com&lt;/a&gt; eine App an und fügen Sie Login Kit für Desktop mit der Weiterleitungs-URI &lt;tt&gt;http://127.0.0.1:*/callback/&lt;/tt&gt; und die Content Posting API mit den Scopes &lt;tt&gt;%1&lt;/tt&gt; hinzu. Bis TikTok die App geprüft hat, ist jeder Beitrag privat („Nur ich“) und das Konto muss privat sein; TikTok prüft Apps, die vielen Creators dienen, nicht das eigene Werkzeug eines Teams.</translation>
    </message>
    <message>
        <source>2. A TikTok account</source>
        <translation>2. Ein TikTok-Konto</translation>
    </message>
    <message>
        <source>Sign in to TikTok in your browser and allow ClipQueue to post to the account.</source>
        <translation>Melden Sie sich in Ihrem Browser bei TikTok an und erlauben Sie ClipQueue, auf das Konto zu posten.</translation>
    </message>
    <message>
        <source>3. A team database (optional)</source>
        <translation>3. Eine Team-Datenbank (optional)</translation>
    </message>
    <message>
        <source>Working alone? Skip this: posts stay on this computer. A team shares one PostgreSQL database, so that everyone sees the same queue.</source>
        <translation>Sie arbeiten allein? Überspringen Sie diesen Schritt: Beiträge bleiben auf diesem Computer. Ein Team teilt sich eine PostgreSQL-Datenbank, damit alle dieselbe Warteschlange sehen.</translation>
    </message>
    <message>
        <source>Done: the client key is set (the secret is in your keychain).</source>
        <translation>Erledigt: Der Client-Key ist gesetzt (das Secret liegt in Ihrem Schlüsselbund).</translation>
    </message>
    <message>
        <source>Not done yet.</source>
        <translation>Noch nicht erledigt.</translation>
    </message>
    <message>
        <source>A team database is set; it is used from the next start.</source>
        <translation>Eine Team-Datenbank ist eingerichtet; sie wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>Posts stay on this computer.</source>
        <translation>Beiträge bleiben auf diesem Computer.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n account(s) connected.</source>
        <translation>
            <numerusform>Erledigt: %n Konto verbunden.</numerusform>
            <numerusform>Erledigt: %n Konten verbunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::WhenPicker</name>
    <message>
        <source>As soon as &amp;possible</source>
        <translation>S&amp;o bald wie möglich</translation>
    </message>
    <message>
        <source>Add to &amp;queue</source>
        <translation>In die Warteschlang&amp;e</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;Um</translation>
    </message>
    <message>
        <source>The account&apos;s next posting time no other post holds</source>
        <translation>Die nächste Postingzeit des Kontos, die kein anderer Beitrag belegt</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>The time zone the time is read in (an IANA name such as Europe/Berlin)</source>
        <translation>Die Zeitzone, in der die Zeit gilt (ein IANA-Name wie Europe/Berlin)</translation>
    </message>
    <message>
        <source>Finding the account&apos;s next free posting time…</source>
        <translation>Die nächste freie Postingzeit des Kontos wird gesucht …</translation>
    </message>
    <message>
        <source>The next free posting time: %1 %2.</source>
        <translation>Die nächste freie Postingzeit: %1 %2.</translation>
    </message>
    <message>
        <source>That time does not exist in %1 (the clocks change); pick another.</source>
        <translation>Diese Zeit gibt es in %1 nicht (Zeitumstellung); wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>%1, the same as on this computer.</source>
        <translation>%1, wie auf diesem Computer.</translation>
    </message>
    <message>
        <source>That is %1 on this computer.</source>
        <translation>Das ist %1 auf diesem Computer.</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>QDateTimeEdit date format, before the clock</comment>
        <translation>ddd d. MMM yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>QDate format of a day without the year</comment>
        <translation>ddd d. MMM</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Prepare, review, schedule and publish TikTok posts.</source>
        <translation>TikTok-Beiträge vorbereiten, prüfen, planen und veröffentlichen.</translation>
    </message>
    <message>
        <source>Videos or photos to add to a new post.</source>
        <translation>Videos oder Fotos, die einem neuen Beitrag hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Do not publish due posts from this window (leave it to clipqueue-cli run elsewhere).</source>
        <translation>Fällige Beiträge nicht aus diesem Fenster veröffentlichen (das übernimmt clipqueue-cli run anderswo).</translation>
    </message>
</context>
</TS>
