<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../ui/dialogs/AboutBox.cpp" line="+15"/>
        <source>Local-first data that syncs peer to peer, with no server, over Hyperswarm.</source>
        <translation>Lokale Daten, die sich ohne Server direkt zwischen Geräten über Hyperswarm synchronisieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Built with Qt %1; running on Qt %2.</source>
        <translation>Erstellt mit Qt %1; läuft mit Qt %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="+54"/>
        <source>PluresDB: local-first data that syncs peer to peer.</source>
        <translation>PluresDB: lokale Daten, die sich direkt zwischen Geräten synchronisieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data directory (spaces and their databases).</source>
        <translation>Das Datenverzeichnis (Bereiche und ihre Datenbanken).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this one database directory, without spaces.</source>
        <translation>Nur dieses eine Datenbankverzeichnis öffnen, ohne Bereiche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render the main window to a PNG file and exit.</source>
        <translation>Das Hauptfenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What --screenshot renders: main, share (the current space&apos;s share dialog), join (the join dialog, with the link if one is given), history (the first record&apos;s history), settings, about, or the current space&apos;s peers, traffic, debugger or doctor (the debugger on a refused peer).</source>
        <translation>Was --screenshot zeigt: main, share (der Teilen-Dialog des aktuellen Bereichs), join (der Beitreten-Dialog, mit dem Link, falls angegeben), history (der Verlauf des ersten Datensatzes), settings, about oder die Peers, den Verkehr, den Debugger oder den Doktor des aktuellen Bereichs (peers, traffic, debugger, doctor; der Debugger bei einem abgewiesenen Peer).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait this long before --screenshot renders (to let sync run).</source>
        <translation>So lange warten, bevor --screenshot rendert (damit die Synchronisation laufen kann).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A pluresdb:// invite link to join.</source>
        <translation>Ein pluresdb://-Einladungslink, um einem Bereich beizutreten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the key file needs a passphrase</source>
        <translation>die Schlüsseldatei braucht eine Passphrase</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::EncryptedFileVault</name>
    <message>
        <location filename="../core/keys/EncryptedFileVault.cpp" line="+63"/>
        <source>libsodium failed to initialise.</source>
        <translation>libsodium konnte nicht initialisiert werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Die Passphrase muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Not enough memory to derive the key from the passphrase.</source>
        <translation>Nicht genug Speicher, um den Schlüssel aus der Passphrase abzuleiten.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot read the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The passphrase is wrong, or the key file is damaged.</source>
        <translation>Die Passphrase ist falsch oder die Schlüsseldatei ist beschädigt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The key file cannot hold this entry.</source>
        <translation>Die Schlüsseldatei kann diesen Eintrag nicht aufnehmen.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+6"/>
        <source>Cannot write the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Invite</name>
    <message>
        <location filename="../core/keys/Invite.cpp" line="+128"/>
        <source>This pluresdb:// link is not an invite (it does not start with pluresdb://join).</source>
        <translation>Dieser pluresdb://-Link ist keine Einladung (er beginnt nicht mit pluresdb://join).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The invite link stops before the key: it looks cut off.</source>
        <translation>Der Einladungslink endet vor dem Schlüssel: Er scheint abgeschnitten zu sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (expected &apos;?&apos; after pluresdb://join).</source>
        <translation>Der Einladungslink ist fehlerhaft (nach pluresdb://join wird &apos;?&apos; erwartet).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The invite link is malformed (too many parameters).</source>
        <translation>Der Einladungslink ist fehlerhaft (zu viele Parameter).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The invite link is malformed (parameter &apos;%1&apos; appears twice).</source>
        <translation>Der Einladungslink ist fehlerhaft (der Parameter &apos;%1&apos; kommt zweimal vor).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (bad percent-encoding in &apos;%1&apos;).</source>
        <translation>Der Einladungslink ist fehlerhaft (ungültige Prozentkodierung in &apos;%1&apos;).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This invite was made by a newer version of PluresDB (invite version %1). Please update the app.</source>
        <translation>Diese Einladung wurde mit einer neueren Version von PluresDB erstellt (Einladungsversion %1). Bitte aktualisieren Sie die App.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link has no key: it looks cut off.</source>
        <translation>Der Einladungslink enthält keinen Schlüssel: Er scheint abgeschnitten zu sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key in the invite is wrong. %1</source>
        <translation>Der Schlüssel in der Einladung ist ungültig. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the space name is longer than %1 characters).</source>
        <translation>Der Einladungslink ist fehlerhaft (der Name des Bereichs ist länger als %1 Zeichen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (the space name has control characters).</source>
        <translation>Der Einladungslink ist fehlerhaft (der Name des Bereichs enthält Steuerzeichen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link has no checksum: it looks cut off.</source>
        <translation>Der Einladungslink enthält keine Prüfsumme: Er scheint abgeschnitten zu sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the checksum is not hexadecimal).</source>
        <translation>Der Einladungslink ist fehlerhaft (die Prüfsumme ist nicht hexadezimal).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum is too short: the link looks cut off.</source>
        <translation>Die Prüfsumme der Einladung ist zu kurz: Der Link scheint abgeschnitten zu sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (the checksum is too long).</source>
        <translation>Der Einladungslink ist fehlerhaft (die Prüfsumme ist zu lang).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum does not match its key and space name: a character was changed or mistyped. Ask for the invite again, or copy it instead of typing it.</source>
        <translation>Die Prüfsumme der Einladung passt nicht zu ihrem Schlüssel und dem Namen des Bereichs: Ein Zeichen wurde geändert oder falsch abgetippt. Bitten Sie erneut um die Einladung oder kopieren Sie sie, statt sie abzutippen.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>You are invited to the PluresDB space &quot;%1&quot;. Open this link in PluresDB, or paste this whole message into Join space:
%2</source>
        <translation>Sie sind zum PluresDB-Bereich „%1“ eingeladen. Öffnen Sie diesen Link in PluresDB oder fügen Sie diese ganze Nachricht unter „Bereich beitreten“ ein:
%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The text is too long to be an invite (more than %1 characters).</source>
        <translation>Der Text ist zu lang für eine Einladung (mehr als %1 Zeichen).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste an invite link or a sync key.</source>
        <translation>Fügen Sie einen Einladungslink oder einen Sync-Schlüssel ein.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is a link, but not a PluresDB invite (those start with pluresdb://).</source>
        <translation>Das ist ein Link, aber keine PluresDB-Einladung (diese beginnen mit pluresdb://).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No PluresDB invite link (pluresdb://join?...) or sync key was found in the text.</source>
        <translation>Im Text wurde weder ein PluresDB-Einladungslink (pluresdb://join?...) noch ein Sync-Schlüssel gefunden.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::KeyStore</name>
    <message>
        <location filename="../core/keys/KeyStore.cpp" line="+43"/>
        <source>Your keys are in the encrypted key file %1, created when no system keychain was available. Enter its passphrase to unlock them.</source>
        <translation>Ihre Schlüssel liegen in der verschlüsselten Schlüsseldatei %1, die angelegt wurde, als kein Systemschlüsselbund verfügbar war. Geben Sie ihre Passphrase ein, um sie zu entsperren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No system keychain could be used. %1
Your keys will be kept in an encrypted file protected by a passphrase that you choose.</source>
        <translation>Es konnte kein Systemschlüsselbund verwendet werden. %1
Ihre Schlüssel werden in einer verschlüsselten Datei aufbewahrt, die durch eine Passphrase Ihrer Wahl geschützt ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The system keychain is in use; there is no key file to unlock.</source>
        <translation>Der Systemschlüsselbund wird verwendet; es gibt keine Schlüsseldatei zu entsperren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data directory is set for the key file.</source>
        <translation>Für die Schlüsseldatei ist kein Datenverzeichnis festgelegt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the data directory %1.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The encrypted key file is locked: enter its passphrase first.</source>
        <translation>Die verschlüsselte Schlüsseldatei ist gesperrt: Geben Sie zuerst ihre Passphrase ein.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A space id must have 1 to %1 characters.</source>
        <translation>Eine Bereichs-ID muss 1 bis %1 Zeichen haben.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The stored sync key of space %1 is damaged (%2 bytes).</source>
        <translation>Der gespeicherte Sync-Schlüssel des Bereichs %1 ist beschädigt (%2 Bytes).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A device identity seed has %1 bytes, not %2.</source>
        <translation>Ein Geräteidentitäts-Seed hat %1 Bytes, nicht %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored device identity seed is damaged.</source>
        <translation>Der gespeicherte Geräteidentitäts-Seed ist beschädigt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>libsodium failed to initialise.</source>
        <translation>libsodium konnte nicht initialisiert werden.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Qr</name>
    <message>
        <location filename="../core/keys/QrDecoder.cpp" line="+18"/>
        <source>The picture is empty.</source>
        <translation>Das Bild ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The picture is too large (%1 x %2 pixels; at most %3 on a side).</source>
        <translation>Das Bild ist zu groß (%1 × %2 Pixel; höchstens %3 pro Seite).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No QR code was found in the picture.</source>
        <translation>Im Bild wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <location filename="../core/keys/QrEncoder.cpp" line="+21"/>
        <source>Cannot make a QR code of %1 bytes.</source>
        <translation>Aus %1 Bytes kann kein QR-Code erzeugt werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>libqrencode failed (errno %1).</source>
        <translation>libqrencode ist fehlgeschlagen (errno %1).</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SyncKey</name>
    <message>
        <location filename="../core/keys/SyncKey.cpp" line="+25"/>
        <source>The sync key is empty.</source>
        <translation>Der Sync-Schlüssel ist leer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sync key has a character that is not a hex digit (0-9, a-f) at position %1.</source>
        <translation>Der Sync-Schlüssel enthält an Position %1 ein Zeichen, das keine Hexadezimalziffer (0–9, a–f) ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sync key has %1 characters but needs exactly %2: it looks cut off.</source>
        <translation>Der Sync-Schlüssel hat %1 Zeichen, braucht aber genau %2: Er scheint abgeschnitten zu sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sync key has %1 characters but needs exactly %2.</source>
        <translation>Der Sync-Schlüssel hat %1 Zeichen, braucht aber genau %2.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SystemKeychain</name>
    <message>
        <location filename="../core/keys/SystemKeychain.cpp" line="+33"/>
        <source>Access to the system keychain was denied: %1</source>
        <translation>Der Zugriff auf den Systemschlüsselbund wurde verweigert: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain is not available: %1</source>
        <translation>Der Systemschlüsselbund ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain gave an unknown error: %1</source>
        <translation>Der Systemschlüsselbund meldete einen unbekannten Fehler: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The system keychain needs a running Qt application.</source>
        <translation>Der Systemschlüsselbund braucht eine laufende Qt-Anwendung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain stopped answering earlier in this session.</source>
        <translation>Der Systemschlüsselbund hat früher in dieser Sitzung aufgehört zu antworten.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The system keychain did not answer within %1 ms.</source>
        <translation>Der Systemschlüsselbund hat nicht innerhalb von %1 ms geantwortet.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::VaultFormat</name>
    <message>
        <location filename="../core/keys/VaultFormat.cpp" line="+69"/>
        <source>The key file is too large to be ours.</source>
        <translation>Die Schlüsseldatei ist zu groß, um von PluresDB zu stammen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is not a PluresDB key file, or it is cut short.</source>
        <translation>Die Datei ist keine PluresDB-Schlüsseldatei oder sie ist unvollständig.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key file was written by a newer version of PluresDB (format %1).</source>
        <translation>Die Schlüsseldatei wurde von einer neueren Version von PluresDB geschrieben (Format %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file uses an unknown key derivation (%1).</source>
        <translation>Die Schlüsseldatei verwendet eine unbekannte Schlüsselableitung (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file header is damaged.</source>
        <translation>Der Kopf der Schlüsseldatei ist beschädigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key file asks for key derivation costs outside the allowed range.</source>
        <translation>Die Schlüsseldatei verlangt Kosten für die Schlüsselableitung außerhalb des erlaubten Bereichs.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The key file&apos;s contents are damaged.</source>
        <translation>Der Inhalt der Schlüsseldatei ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>pluresdb::spaces::SpaceList</name>
    <message>
        <location filename="../core/spaces/SpaceList.cpp" line="+48"/>
        <source>the list of spaces (%1) is damaged: %2</source>
        <translation>die Liste der Bereiche (%1) ist beschädigt: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is too large</source>
        <translation>sie ist zu groß</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown format version</source>
        <translation>unbekannte Formatversion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no list of spaces</source>
        <translation>keine Liste von Bereichen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an entry is incomplete</source>
        <translation>ein Eintrag ist unvollständig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>two entries have the same id</source>
        <translation>zwei Einträge haben dieselbe ID</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a space needs a name</source>
        <translation>ein Bereich braucht einen Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a space name has at most %1 characters</source>
        <translation>der Name eines Bereichs hat höchstens %1 Zeichen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sync key is not 64 lowercase hex characters</source>
        <translation>der Sync-Schlüssel besteht nicht aus 64 hexadezimalen Kleinbuchstaben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you are already in this space (&quot;%1&quot;)</source>
        <translation>Sie sind bereits in diesem Bereich („%1“)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>libsodium failed to initialise.</source>
        <translation>libsodium konnte nicht initialisiert werden.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <source>no such space</source>
        <translation>diesen Bereich gibt es nicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ConnectionDoctor</name>
    <message>
        <location filename="../ui/models/ConnectionDoctor.cpp" line="+12"/>
        <source>Admission failed: the peer speaks the PluresDB 2.x JSON protocol, which cannot prove the space&apos;s key, and 2.x peers are not allowed in this space.</source>
        <translation>Zulassung fehlgeschlagen: Der Peer spricht das JSON-Protokoll von PluresDB 2.x, das den Schlüssel des Bereichs nicht nachweisen kann, und 2.x-Peers sind in diesem Bereich nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upgrade the peer to PluresDB 3, or allow PluresDB 2.x JSON peers in the space&apos;s settings if you trust everyone who can reach this device.</source>
        <translation>Aktualisieren Sie den Peer auf PluresDB 3 oder erlauben Sie PluresDB-2.x-JSON-Peers in den Einstellungen des Bereichs, wenn Sie allen vertrauen, die dieses Gerät erreichen können.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer speaks another version of the sync protocol.</source>
        <translation>Zulassung fehlgeschlagen: Der Peer spricht eine andere Version des Synchronisationsprotokolls.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update both devices to the same PluresDB version.</source>
        <translation>Bringen Sie beide Geräte auf dieselbe PluresDB-Version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer does not hold this space&apos;s key (its proof of key possession did not verify). It reached us, but it is in another space or has a wrong key.</source>
        <translation>Zulassung fehlgeschlagen: Der Peer besitzt den Schlüssel dieses Bereichs nicht (sein Nachweis des Schlüsselbesitzes war ungültig). Er hat uns erreicht, ist aber in einem anderen Bereich oder hat einen falschen Schlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share the space again (Space › Share) and have the peer join with that invite; check that both devices show the same space. Refused peers are not redialled until sync restarts.</source>
        <translation>Teilen Sie den Bereich erneut (Bereich › Teilen) und lassen Sie den Peer mit dieser Einladung beitreten; prüfen Sie, dass beide Geräte denselben Bereich zeigen. Abgewiesene Peers werden erst nach einem Neustart der Synchronisation wieder angewählt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing accepts connections at that address: the other device is not running, or does not serve sync on that port.</source>
        <translation>An dieser Adresse nimmt niemand Verbindungen an: Das andere Gerät läuft nicht oder bietet auf diesem Port keine Synchronisation an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start PluresDB on the other device, check the address and port in the network settings, and that it serves the WebSocket mesh.</source>
        <translation>Starten Sie PluresDB auf dem anderen Gerät, prüfen Sie Adresse und Port in den Netzwerkeinstellungen und dass es das WebSocket-Mesh anbietet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name could not be resolved.</source>
        <translation>Der Hostname konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the spelling of the address, or use an IP address.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse oder verwenden Sie eine IP-Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer did not answer in time: a firewall may drop the packets, or the address is wrong.</source>
        <translation>Der Peer hat nicht rechtzeitig geantwortet: Eine Firewall verwirft möglicherweise die Pakete, oder die Adresse ist falsch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check firewalls on both devices and on the network; try the LAN address when both are on the same network.</source>
        <translation>Prüfen Sie die Firewalls auf beiden Geräten und im Netzwerk; versuchen Sie die LAN-Adresse, wenn beide im selben Netzwerk sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer is not announced on the DHT: it is offline, in another space, or uses other bootstrap nodes.</source>
        <translation>Der Peer ist nicht in der DHT angekündigt: Er ist offline, in einem anderen Bereich oder nutzt andere Bootstrap-Knoten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make sure the peer is online with this space open, and that both use the same bootstrap nodes (Settings › Network).</source>
        <translation>Stellen Sie sicher, dass der Peer online ist und diesen Bereich geöffnet hat und dass beide dieselben Bootstrap-Knoten nutzen (Einstellungen › Netzwerk).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holepunching failed: both devices are behind NATs that change ports for every destination (random), so no direct path could be found.</source>
        <translation>Holepunching fehlgeschlagen: Beide Geräte sind hinter NATs, die für jedes Ziel den Port wechseln (zufällig), daher wurde kein direkter Weg gefunden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a relay, or put one of the devices on a network with a consistent NAT (most home routers) or with a forwarded port.</source>
        <translation>Nutzen Sie ein Relay oder bringen Sie eines der Geräte in ein Netzwerk mit konsistentem NAT (die meisten Heimrouter) oder mit einer Portweiterleitung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection failed: %1</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the other device is online and in the same space; the debugger&apos;s timeline shows the steps before the failure.</source>
        <translation>Prüfen Sie, dass das andere Gerät online und im selben Bereich ist; die Zeitleiste des Debuggers zeigt die Schritte vor dem Fehler.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Look up the peer on the DHT</source>
        <translation>Peer in der DHT suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announce on the DHT</source>
        <translation>In der DHT ankündigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handshake through a relay node</source>
        <translation>Handshake über einen Relay-Knoten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>NAT-Klassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch round</source>
        <translation>Holepunch-Runde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the local network</source>
        <translation>Lokales Netzwerk versuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection path</source>
        <translation>Verbindungsweg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypted channel (Noise handshake)</source>
        <translation>Verschlüsselter Kanal (Noise-Handshake)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key proof accepted</source>
        <translation>Schlüsselnachweis akzeptiert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key proof failed</source>
        <translation>Schlüsselnachweis fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>In sync (state digests equal)</source>
        <translation>Synchron (Zustands-Digests gleich)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No connection attempt seen yet.</source>
        <translation>Noch kein Verbindungsversuch gesehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected; catching up.</source>
        <translation>Verbunden; holt auf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected and in sync.</source>
        <translation>Verbunden und synchron.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot sync with this peer.</source>
        <translation>Mit diesem Peer ist keine Synchronisation möglich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Was connected; now disconnected.</source>
        <translation>War verbunden; jetzt getrennt.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::FieldHistoryModel</name>
    <message>
        <location filename="../ui/models/FieldHistoryModel.cpp" line="+71"/>
        <source>(field deleted)</source>
        <translation>(Feld gelöscht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(record deleted)</source>
        <translation>(Datensatz gelöscht)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this device)</source>
        <translation>%1 (dieses Gerät)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>concurrent with %1 by %2; %3 won</source>
        <translation>gleichzeitig mit %1 von %2; %3 hat gewonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this write</source>
        <translation>dieser Schreibvorgang</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 by %3 and %4 by %5 were written concurrently; %4 won.</source>
        <translation>%1: %2 von %3 und %4 von %5 wurden gleichzeitig geschrieben; %4 hat gewonnen.</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>conflict: %n concurrent write(s)</source>
        <translation>
            <numerusform>Konflikt: %n gleichzeitiger Schreibvorgang</numerusform>
            <numerusform>Konflikt: %n gleichzeitige Schreibvorgänge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n Schreibvorgang</numerusform>
            <numerusform>%n Schreibvorgänge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>clock %1</source>
        <translation>Uhr %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>written before history was kept: conflicts unknown</source>
        <translation>geschrieben, bevor der Verlauf geführt wurde: Konflikte unbekannt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Field / value</source>
        <translation>Feld / Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writer</source>
        <translation>Schreiber</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::JoinDialog</name>
    <message>
        <location filename="../ui/dialogs/JoinDialog.cpp" line="+23"/>
        <source>Join space</source>
        <translation>Bereich beitreten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the invite you received — the whole message, a pluresdb:// link or a sync key — or open a picture of its QR code.</source>
        <translation>Fügen Sie die erhaltene Einladung ein – die ganze Nachricht, einen pluresdb://-Link oder einen Sync-Schlüssel – oder öffnen Sie ein Bild ihres QR-Codes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pluresdb://join?…</source>
        <translation>pluresdb://join?…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;QR picture…</source>
        <translation>&amp;QR-Bild öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste QR picture</source>
        <translation>QR-Bild ein&amp;fügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads a QR code from a picture on the clipboard (a screenshot, say).</source>
        <translation>Liest einen QR-Code aus einem Bild in der Zwischenablage (zum Beispiel einem Bildschirmfoto).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A name for this space on this device</source>
        <translation>Ein Name für diesen Bereich auf diesem Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space &amp;name:</source>
        <translation>&amp;Name des Bereichs:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not read a QR code: %1</source>
        <translation>Der QR-Code konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Valid invite; its checksum matches.</source>
        <translation>Gültige Einladung; ihre Prüfsumme stimmt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid invite to “%1”; its checksum matches.</source>
        <translation>Gültige Einladung zu „%1“; ihre Prüfsumme stimmt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bare sync key: it has the right form, but without an invite link nothing can check it for typos. Give the space a name below.</source>
        <translation>Ein bloßer Sync-Schlüssel: Er hat die richtige Form, aber ohne Einladungslink kann nichts ihn auf Tippfehler prüfen. Geben Sie dem Bereich unten einen Namen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open QR picture</source>
        <translation>QR-Bild öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no picture on the clipboard.</source>
        <translation>In der Zwischenablage ist kein Bild.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::KeyFileDialog</name>
    <message>
        <location filename="../ui/dialogs/KeyFileDialog.cpp" line="+19"/>
        <source>Protect your keys with a passphrase</source>
        <translation>Schützen Sie Ihre Schlüssel mit einer Passphrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock your keys</source>
        <translation>Schlüssel entsperren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a passphrase of at least %1 characters. Without it the keys cannot be recovered: write it down somewhere safe.</source>
        <translation>Wählen Sie eine Passphrase mit mindestens %1 Zeichen. Ohne sie lassen sich die Schlüssel nicht wiederherstellen: Notieren Sie sie an einem sicheren Ort.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the passphrase of the key file.</source>
        <translation>Geben Sie die Passphrase der Schlüsseldatei ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Create key file</source>
        <translation>Schlüsseldatei &amp;anlegen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>Die Passphrase muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::MainWindow</name>
    <message>
        <location filename="../ui/windows/MainWindow.cpp" line="+275"/>
        <source>PluresDB Desktop</source>
        <translation>PluresDB Desktop</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>&lt;h2&gt;No spaces yet&lt;/h2&gt;&lt;p&gt;A space is a set of data shared by everyone who has its key. Create one, or join one with an invite from a colleague.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Bereiche&lt;/h2&gt;&lt;p&gt;Ein Bereich ist eine Datensammlung, die alle teilen, die seinen Schlüssel haben. Erstellen Sie einen oder treten Sie mit einer Einladung von Kollegen einem bei.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a space…</source>
        <translation>Bereich erstellen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a space…</source>
        <translation>Bereich beitreten…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Keys: encrypted file</source>
        <translation>Schlüssel: verschlüsselte Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys: system keychain</source>
        <translation>Schlüssel: Systemschlüsselbund</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Space</source>
        <translation>&amp;Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create space…</source>
        <translation>Bereich &amp;erstellen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join space…</source>
        <translation>Bereich bei&amp;treten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hare space…</source>
        <translation>Bereich tei&amp;len…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename space…</source>
        <translation>Bereich &amp;umbenennen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave space…</source>
        <translation>Bereich &amp;verlassen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>&amp;Peers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Datenverkehr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;debugger</source>
        <translation>Synchronisations-&amp;Debugger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify when peers join or leave and on sync errors</source>
        <translation>Benachrichtigen, wenn Peers beitreten oder gehen, und bei Synchronisationsfehlern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>&amp;Datensatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Sync not running</source>
        <translation>Synchronisierung läuft nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sync engine is running: changes stay on this device.</source>
        <translation>Keine Synchronisierung aktiv: Änderungen bleiben auf diesem Gerät.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: connecting…</source>
        <translation>DHT: verbinde…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacting the DHT bootstrap nodes.</source>
        <translation>Die Bootstrap-Knoten des DHT werden kontaktiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: online</source>
        <translation>DHT: online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device is in the DHT: it can find peers and be found.</source>
        <translation>Dieses Gerät ist im DHT: Es kann Peers finden und gefunden werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: offline</source>
        <translation>DHT: offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DHT cannot be reached: check the network and the bootstrap nodes in the settings.</source>
        <translation>Der DHT ist nicht erreichbar: Prüfen Sie das Netzwerk und die Bootstrap-Knoten in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sync off for this space</source>
        <translation>Synchronisierung für diesen Bereich aus</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n Peer</numerusform>
            <numerusform>%n Peers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in sync yet</source>
        <translation>noch nicht synchron</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — sync monitor</source>
        <translation>%1 — Synchronisationsmonitor</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Some saved settings were not valid and were reset: %1</source>
        <translation>Einige gespeicherte Einstellungen waren ungültig und wurden zurückgesetzt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the settings</source>
        <translation>Einstellungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this database</source>
        <translation>diese Datenbank</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+45"/>
        <source>Sync: %1</source>
        <translation>Synchronisierung: %1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Sync with %1: %2</source>
        <translation>Synchronisierung mit %1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sync is off for this space: %1</source>
        <translation>Synchronisierung für diesen Bereich aus: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its key is not in the keychain</source>
        <translation>sein Schlüssel ist nicht im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sync cannot start: %1</source>
        <translation>Synchronisierung kann nicht starten: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot open the space</source>
        <translation>Der Bereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>%1 — PluresDB Desktop</source>
        <translation>%1 — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Topic %1…</source>
        <translation>Topic %1…</translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+211"/>
        <location line="+19"/>
        <location line="+12"/>
        <location line="+35"/>
        <source>spaces are not available in this window</source>
        <translation>in diesem Fenster sind keine Bereiche verfügbar</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>cannot store the space&apos;s key: %1</source>
        <translation>der Schlüssel des Bereichs kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+36"/>
        <source>no such space</source>
        <translation>diesen Bereich gibt es nicht</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>cannot remove the space&apos;s key: %1</source>
        <translation>der Schlüssel des Bereichs kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the key of &quot;%1&quot; is not in the keychain</source>
        <translation>der Schlüssel von „%1“ ist nicht im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create a space</source>
        <translation>Bereich erstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new space:</source>
        <translation>Name des neuen Bereichs:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the space</source>
        <translation>Der Bereich kann nicht erstellt werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot join the space</source>
        <translation>Dem Bereich kann nicht beigetreten werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot share the space</source>
        <translation>Der Bereich kann nicht geteilt werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename the space</source>
        <translation>Bereich umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot rename the space</source>
        <translation>Der Bereich kann nicht umbenannt werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the space</source>
        <translation>Bereich verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave &quot;%1&quot;? This device forgets the space&apos;s key and stops syncing it. To come back you need a new invite.</source>
        <translation>„%1“ verlassen? Dieses Gerät vergisst den Schlüssel des Bereichs und synchronisiert ihn nicht mehr. Um zurückzukehren, brauchen Sie eine neue Einladung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also delete this space&apos;s data from this device</source>
        <translation>Auch die Daten dieses Bereichs von diesem Gerät löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot leave the space</source>
        <translation>Der Bereich kann nicht verlassen werden</translation>
    </message>
    <message>
        <location line="-462"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PluresDB Desktop</source>
        <translation>Ü&amp;ber PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::PeersModel</name>
    <message>
        <location filename="../ui/models/PeersModel.cpp" line="+64"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>consistent</source>
        <translation>konsistent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PluresDB 2.x JSON</source>
        <translation>PluresDB 2.x JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN</source>
        <translation>LAN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunched</source>
        <translation>Per Holepunching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holepunched (%1)</source>
        <translation>Per Holepunching (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relayed via %1</source>
        <translation>Weitergeleitet über %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a relay</source>
        <translation>ein Relay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swarm</source>
        <translation>Swarm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>S: found through the swarm (Hyperswarm DHT)
W: WebSocket mesh
T: TCP
L: on the local network
H: holepunched through NAT
R: relayed (no direct path)
J: PluresDB 2.x JSON (cannot prove the key)
E: encrypted and authenticated (Noise)
O: outgoing (we dialled)
I: incoming (they dialled)
X: refused: could not prove the space&apos;s key</source>
        <translation>S: über den Swarm gefunden (Hyperswarm-DHT)
W: WebSocket-Mesh
T: TCP
L: im lokalen Netzwerk
H: per Holepunching durch NAT
R: weitergeleitet (kein direkter Weg)
J: PluresDB 2.x JSON (kann den Schlüssel nicht nachweisen)
E: verschlüsselt und authentifiziert (Noise)
O: ausgehend (wir haben angewählt)
I: eingehend (sie haben angewählt)
X: abgewiesen: konnte den Schlüssel des Bereichs nicht nachweisen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>Nur grün, wenn die Zustands-Digests beider Seiten gleich sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the last batch of ops to its acknowledgement: the network round trip plus the peer&apos;s write (shown once ops have flowed)</source>
        <translation>Vom Senden des letzten Op-Stapels bis zu seiner Bestätigung: die Netzwerk-Umlaufzeit plus das Schreiben beim Peer (angezeigt, sobald Ops geflossen sind)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long the swarm took to make the connection</source>
        <translation>Wie lange der Swarm für den Verbindungsaufbau brauchte</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Syncing…</source>
        <translation>Synchronisiert…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT (ours / theirs)</source>
        <translation>NAT (unseres / ihres)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect time</source>
        <translation>Verbindungsdauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages in</source>
        <translation>Nachrichten ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages out</source>
        <translation>Nachrichten aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate in</source>
        <translation>Rate ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate out</source>
        <translation>Rate aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::QrImage</name>
    <message>
        <location filename="../ui/qr/QrImage.cpp" line="+36"/>
        <source>The picture is empty or could not be read.</source>
        <translation>Das Bild ist leer oder konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>The picture is too large (%1 x %2 pixels).</source>
        <translation>Das Bild ist zu groß (%1 × %2 Pixel).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the picture %1: %2</source>
        <translation>Das Bild %1 konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsModel</name>
    <message>
        <location filename="../ui/models/RecordsModel.cpp" line="+51"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsPanel</name>
    <message>
        <location filename="../ui/windows/RecordsPanel.cpp" line="+148"/>
        <source>Filter by id prefix</source>
        <translation>Nach ID-Präfix filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id, e.g. user:1</source>
        <translation>Datensatz-ID, z. B. user:1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{&quot;field&quot;: &quot;value&quot;}</source>
        <translation>{&quot;feld&quot;: &quot;wert&quot;}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields (a JSON object; remove a field to delete it)</source>
        <translation>Felder (ein JSON-Objekt; entfernen Sie ein Feld, um es zu löschen)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Cannot read the database: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was changed by a peer</source>
        <translation>%1 wurde von einem Peer geändert</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read the history: %1</source>
        <translation>Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>History (%n conflict(s))</source>
        <translation>
            <numerusform>Verlauf (%n Konflikt)</numerusform>
            <numerusform>Verlauf (%n Konflikte)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a record to see who wrote each field, and when.</source>
        <translation>Wählen Sie einen Datensatz, um zu sehen, wer jedes Feld wann geschrieben hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only the newest writes are shown.</source>
        <translation>%1: Nur die neuesten Schreibvorgänge werden angezeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: every write of each field, oldest first; concurrent writes are marked, the later clock wins.</source>
        <translation>%1: alle Schreibvorgänge jedes Felds, älteste zuerst; gleichzeitige Schreibvorgänge sind markiert, die spätere Uhr gewinnt.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n+ records</source>
        <translation>
            <numerusform>%n+ Datensätze</numerusform>
            <numerusform>%n+ Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enter a record id.</source>
        <translation>Geben Sie eine Datensatz-ID ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid JSON at offset %1: %2</source>
        <translation>Ungültiges JSON an Position %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fields must be a JSON object: { ... }</source>
        <translation>Die Felder müssen ein JSON-Objekt sein: { ... }</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/SettingsDialog.cpp" line="+116"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT bootstrap nodes</source>
        <translation>DHT-Bootstrap-Knoten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public Hyperswarm DHT (default)</source>
        <translation>Öffentlicher Hyperswarm-DHT (Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private DHT, these nodes (host:port, one per line):</source>
        <translation>Privater DHT, diese Knoten (Host:Port, einer pro Zeile):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node1.example.org:49737</source>
        <translation>node1.example.org:49737</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket mesh (where UDP is blocked)</source>
        <translation>WebSocket-Mesh (wo UDP blockiert ist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept WebSocket peers on port</source>
        <translation>WebSocket-Peers annehmen auf Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to (ws:// or wss:// URLs, one per line):</source>
        <translation>Verbinden mit (ws://- oder wss://-URLs, eine pro Zeile):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wss://relay.example.org:8765</source>
        <translation>wss://relay.example.org:8765</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space: %1</source>
        <translation>Dieser Bereich: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space (none selected)</source>
        <translation>Dieser Bereich (keiner ausgewählt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow PluresDB 2.x peers (JSON protocol)</source>
        <translation>PluresDB-2.x-Peers zulassen (JSON-Protokoll)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They cannot prove that they hold the key: anyone who finds the space&apos;s topic could read and write its data. Turn this on only to sync with devices still on PluresDB 2.x.</source>
        <translation>Sie können nicht beweisen, dass sie den Schlüssel besitzen: Wer das Thema des Bereichs findet, könnte seine Daten lesen und schreiben. Schalten Sie dies nur ein, um mit Geräten zu synchronisieren, die noch PluresDB 2.x verwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;%1&quot; is not a bootstrap node: write host:port, e.g. node1.example.org:49737 (a host name or IPv4 address, and a port from 1 to 65535).</source>
        <translation>„%1“ ist kein Bootstrap-Knoten: Schreiben Sie Host:Port, z. B. node1.example.org:49737 (ein Hostname oder eine IPv4-Adresse und ein Port von 1 bis 65535).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a WebSocket address: write ws://host:port or wss://host:port.</source>
        <translation>„%1“ ist keine WebSocket-Adresse: Schreiben Sie ws://Host:Port oder wss://Host:Port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bootstrap node %1</source>
        <translation>Bootstrap-Knoten %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter at least one bootstrap node for a private DHT, or choose the public one.</source>
        <translation>Geben Sie für einen privaten DHT mindestens einen Bootstrap-Knoten ein oder wählen Sie den öffentlichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket peer %1</source>
        <translation>WebSocket-Peer %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ShareDialog</name>
    <message>
        <location filename="../ui/dialogs/ShareDialog.cpp" line="+38"/>
        <source>Share space</source>
        <translation>Bereich teilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share “%1”</source>
        <translation>„%1“ teilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Anyone who has this invite can read and change everything in this space&lt;/b&gt;, and can pass it on. There is no way to take it back short of moving to a new space. Share it only with people you trust, over a private channel.</source>
        <translation>&lt;b&gt;Wer diese Einladung hat, kann alles in diesem Bereich lesen und ändern&lt;/b&gt; und sie weitergeben. Sie lässt sich nicht zurücknehmen, außer durch den Umzug in einen neuen Bereich. Teilen Sie sie nur mit Personen, denen Sie vertrauen, über einen privaten Kanal.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan this code with PluresDB on another device, or save a picture of it.</source>
        <translation>Scannen Sie diesen Code mit PluresDB auf einem anderen Gerät oder speichern Sie ein Bild davon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code: %1</source>
        <translation>Kein QR-Code: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or send this invite as text:</source>
        <translation>Oder senden Sie diese Einladung als Text:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy invite</source>
        <translation>Einladung &amp;kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copies the invite, marked as a password so clipboard managers do not keep it, and clears the clipboard after %1 seconds.</source>
        <translation>Kopiert die Einladung – als Passwort markiert, damit Zwischenablage-Manager sie nicht aufbewahren – und leert die Zwischenablage nach %1 Sekunden.</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncMonitorWindow</name>
    <message>
        <location filename="../ui/windows/SyncMonitorWindow.cpp" line="+216"/>
        <source>Sync monitor — PluresDB Desktop</source>
        <translation>Synchronisationsmonitor — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync debugger</source>
        <translation>Synchronisations-Debugger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic of:</source>
        <translation>Datenverkehr von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peer:</source>
        <translation>Peer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id:</source>
        <translation>Datensatz-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash values</source>
        <translation>Werte hashen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace record ids, values and messages by hashes in the exported file, so it can be shared without the data</source>
        <translation>Datensatz-IDs, Werte und Meldungen in der exportierten Datei durch Hashes ersetzen, damit sie ohne die Daten geteilt werden kann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export trace…</source>
        <translation>Ablauf exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ops sent and received</source>
        <translation>Gesendete und empfangene Ops</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Double-click a peer to see its connection doctor. Hover over the flags for what each letter means.</source>
        <translation>Doppelklicken Sie auf einen Peer, um seinen Verbindungsdoktor zu sehen. Fahren Sie über die Merkmale, um die Bedeutung jedes Buchstabens zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+225"/>
        <source>Sync is not running for this space.</source>
        <translation>Für diesen Bereich läuft keine Synchronisation.</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+1"/>
        <source>All peers</source>
        <translation>Alle Peers</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>In this range: received %1 (payload %2, overhead %3), sent %4 (payload %5, overhead %6); DHT %7, holepunch %8</source>
        <translation>In diesem Zeitraum: empfangen %1 (Nutzdaten %2, Overhead %3), gesendet %4 (Nutzdaten %5, Overhead %6); DHT %7, Holepunching %8</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Connection doctor</source>
        <translation>Verbindungsdoktor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection doctor: %1</source>
        <translation>Verbindungsdoktor: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in sync</source>
        <translation>Nicht synchron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>Nur grün, wenn die Zustands-Digests beider Seiten gleich sind</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Why:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;What to try:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Warum:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Was Sie versuchen können:&lt;/b&gt; %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Op: %1 #%2, clock %3</source>
        <translation>Op: %1 #%2, Uhr %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields: %1</source>
        <translation>Felder: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sent it to us)</source>
        <translation>%1 (hat sie uns gesendet)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (we sent it)</source>
        <translation>%1 (wir haben sie gesendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers that have it: %1</source>
        <translation>Peers, die sie haben: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s) on the wire:</source>
        <translation>
            <numerusform>%n Byte auf der Leitung:</numerusform>
            <numerusform>%n Bytes auf der Leitung:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Export trace</source>
        <translation>Ablauf exportieren</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON-Zeilen (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncTray</name>
    <message>
        <location filename="../ui/windows/SyncTray.cpp" line="+32"/>
        <source>Show PluresDB</source>
        <translation>PluresDB anzeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Peer joined %1</source>
        <translation>Peer ist %1 beigetreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connected (%2)</source>
        <translation>%1 verbunden (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peer left %1</source>
        <translation>Peer hat %1 verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sync problem in %1</source>
        <translation>Synchronisationsproblem in %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PluresDB: %1</source>
        <translation>PluresDB: %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceModel</name>
    <message>
        <location filename="../ui/models/TraceModel.cpp" line="+47"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admission failed</source>
        <translation>Zulassung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op sent</source>
        <translation>Op gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op received</source>
        <translation>Op empfangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>DHT lookup</source>
        <translation>DHT-Suche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT announce</source>
        <translation>DHT-Ankündigung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>NAT-Klassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>punch round</source>
        <translation>Holepunch-Runde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN ping</source>
        <translation>LAN-Ping</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>path</source>
        <translation>Weg</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceTimeline</name>
    <message>
        <location filename="../ui/widgets/TraceTimeline.cpp" line="+76"/>
        <source>No events yet</source>
        <translation>Noch keine Ereignisse</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TrafficGraph</name>
    <message>
        <location filename="../ui/widgets/TrafficGraph.cpp" line="+52"/>
        <source>Sync payload in</source>
        <translation>Sync-Nutzdaten ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync payload out</source>
        <translation>Sync-Nutzdaten aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead in</source>
        <translation>Protokoll-Overhead ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead out</source>
        <translation>Protokoll-Overhead aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT in</source>
        <translation>DHT ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT out</source>
        <translation>DHT aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch in</source>
        <translation>Holepunching ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch out</source>
        <translation>Holepunching aus</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+29"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
</TS>
