<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>Errors</name>
        <message>
            <source>({lat:.5f}, {lon:.5f}) is outside Kota Serang</source>
            <translation>({lat:.5f}, {lon:.5f}) berada di luar Kota Serang</translation>
        </message>
        <message>
            <source>--to is required with --from</source>
            <translation>--to wajib diisi bersama --from</translation>
        </message>
        <message>
            <source>A shift schedule needs at least one shift</source>
            <translation>Jadwal sif memerlukan paling sedikit satu sif</translation>
        </message>
        <message>
            <source>An incident cannot be merged into itself</source>
            <translation>Kejadian tidak dapat digabungkan dengan dirinya sendiri</translation>
        </message>
        <message>
            <source>Bad date in shift {key}</source>
            <translation>Tanggal pada sif {key} tidak valid</translation>
        </message>
        <message>
            <source>Bad shift name {name}</source>
            <translation>Nama sif {name} tidak valid</translation>
        </message>
        <message>
            <source>Bad shift {key}: expected YYYY-MM-DD/&lt;name&gt;</source>
            <translation>Sif {key} tidak valid: gunakan format YYYY-MM-DD/&lt;nama&gt;</translation>
        </message>
        <message>
            <source>Bad times for shift {name}</source>
            <translation>Jam sif {name} tidak valid</translation>
        </message>
        <message>
            <source>Caller number is too long</source>
            <translation>Nomor penelepon terlalu panjang</translation>
        </message>
        <message>
            <source>Cannot create the data directory {path}: {reason}</source>
            <translation>Direktori data {path} tidak dapat dibuat: {reason}</translation>
        </message>
        <message>
            <source>Cannot open the database {url}: {reason}</source>
            <translation>Basis data {url} tidak dapat dibuka: {reason}</translation>
        </message>
        <message>
            <source>Choose a category</source>
            <translation>Pilih kategori</translation>
        </message>
        <message>
            <source>Choose at least one unit</source>
            <translation>Pilih paling sedikit satu unit</translation>
        </message>
        <message>
            <source>Coordinates out of range</source>
            <translation>Koordinat di luar jangkauan</translation>
        </message>
        <message>
            <source>Fields cannot be edited: {fields}</source>
            <translation>Kolom tidak dapat diubah: {fields}</translation>
        </message>
        <message>
            <source>Give a kecamatan, coordinates or an address</source>
            <translation>Isi kecamatan, koordinat, atau alamat</translation>
        </message>
        <message>
            <source>Give both latitude and longitude</source>
            <translation>Isi lintang dan bujur sekaligus</translation>
        </message>
        <message>
            <source>Incident {id} does not exist</source>
            <translation>Kejadian {id} tidak ditemukan</translation>
        </message>
        <message>
            <source>Incident {number} is not open</source>
            <translation>Kejadian {number} tidak sedang terbuka</translation>
        </message>
        <message>
            <source>Incident {number} was changed by someone else; reload and try again</source>
            <translation>Kejadian {number} telah diubah oleh operator lain; muat ulang lalu coba lagi</translation>
        </message>
        <message>
            <source>Kelurahan {kelurahan} is not in the chosen kecamatan</source>
            <translation>Kelurahan {kelurahan} tidak berada di kecamatan yang dipilih</translation>
        </message>
        <message>
            <source>No shift covers {time}</source>
            <translation>Tidak ada sif yang mencakup pukul {time}</translation>
        </message>
        <message>
            <source>Not a database URL: {url}</source>
            <translation>Bukan URL basis data: {url}</translation>
        </message>
        <message>
            <source>Not a phone number: {number}</source>
            <translation>Bukan nomor telepon: {number}</translation>
        </message>
        <message>
            <source>Not a valid phone number: {number}</source>
            <translation>Nomor telepon tidak valid: {number}</translation>
        </message>
        <message>
            <source>Priority must be 1 to 4</source>
            <translation>Prioritas harus 1 sampai 4</translation>
        </message>
        <message>
            <source>Shift names must be unique</source>
            <translation>Nama sif harus unik</translation>
        </message>
        <message>
            <source>Shifts overlap at {time}</source>
            <translation>Sif saling tumpang tindih pada pukul {time}</translation>
        </message>
        <message>
            <source>Status change {current} -&gt; {target} is not allowed</source>
            <translation>Perubahan status {current} → {target} tidak diizinkan</translation>
        </message>
        <message>
            <source>The call was answered before it rang</source>
            <translation>Waktu jawab lebih awal daripada waktu dering</translation>
        </message>
        <message>
            <source>The coordinates are in Kecamatan {found}, not in the chosen kecamatan</source>
            <translation>Koordinat berada di Kecamatan {found}, bukan di kecamatan yang dipilih</translation>
        </message>
        <message>
            <source>The database needs an upgrade: run siaga-console db upgrade</source>
            <translation>Basis data perlu diperbarui: jalankan siaga-console db upgrade</translation>
        </message>
        <message>
            <source>The database {url} is damaged or not a database: {reason}</source>
            <translation>Basis data {url} rusak atau bukan basis data: {reason}</translation>
        </message>
        <message>
            <source>The end of the period is not after its start</source>
            <translation>Akhir periode tidak setelah awal periode</translation>
        </message>
        <message>
            <source>The note is empty</source>
            <translation>Catatan masih kosong</translation>
        </message>
        <message>
            <source>This database has tables that are not Siaga Console's</source>
            <translation>Basis data ini berisi tabel yang bukan milik Siaga Console</translation>
        </message>
        <message>
            <source>This database was written by a newer version of Siaga Console; update the console before opening it</source>
            <translation>Basis data ini dibuat oleh versi Siaga Console yang lebih baru; perbarui aplikasi sebelum membukanya</translation>
        </message>
        <message>
            <source>Unit {id} does not exist</source>
            <translation>Unit {id} tidak ditemukan</translation>
        </message>
        <message>
            <source>Unit {unit} has no incident</source>
            <translation>Unit {unit} tidak sedang menangani kejadian</translation>
        </message>
        <message>
            <source>Unit {unit} is not available ({status})</source>
            <translation>Unit {unit} tidak tersedia ({status})</translation>
        </message>
        <message>
            <source>Unit {unit} was changed by someone else; reload and try again</source>
            <translation>Unit {unit} telah diubah oleh operator lain; muat ulang lalu coba lagi</translation>
        </message>
        <message>
            <source>Unknown category {code}</source>
            <translation>Kategori {code} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown kecamatan {code}</source>
            <translation>Kecamatan {code} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown kelurahan {code}</source>
            <translation>Kelurahan {code} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown shift {name}</source>
            <translation>Sif {name} tidak dikenal</translation>
        </message>
        <message>
            <source>Unsupported database driver in {url}</source>
            <translation>Driver basis data pada {url} tidak didukung</translation>
        </message>
        <message>
            <source>Unsupported database {backend}: use sqlite:/// or postgresql+psycopg://</source>
            <translation>Basis data {backend} tidak didukung: gunakan sqlite:/// atau postgresql+psycopg://</translation>
        </message>
        <message>
            <source>Use the incident form for outcome {outcome}</source>
            <translation>Gunakan formulir kejadian untuk hasil {outcome}</translation>
        </message>
        <message>
            <source>{count} problems in the form</source>
            <translation>Ada {count} masalah pada formulir</translation>
        </message>
        <message>
            <source>{field} is too long ({length} characters, at most {limit})</source>
            <translation>{field} terlalu panjang ({length} karakter, paling banyak {limit})</translation>
        </message>
        <message>
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <source>{user} ({role}) may not {action}</source>
            <translation>{user} ({role}) tidak berwenang: {action}</translation>
        </message>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>Kesalahan tak terduga: {error}</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Valid</source>
            <translation>Valid</translation>
        </message>
        <message>
            <source>Prank</source>
            <translation>Iseng</translation>
        </message>
        <message>
            <source>Silent</source>
            <translation>Diam</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Salah sambung</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Informasi</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>Terputus</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplikat</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>Uji coba</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Baru</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>Terverifikasi</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>Dikirim</translation>
        </message>
        <message>
            <source>On scene</source>
            <translation>Di lokasi</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Tertangani</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Ditutup</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Dibatalkan</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>Digabung</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Siaga</translation>
        </message>
        <message>
            <source>En route</source>
            <translation>Menuju lokasi</translation>
        </message>
        <message>
            <source>Returning</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Out of service</source>
            <translation>Tidak beroperasi</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>P1 life at risk</source>
            <translation>P1 nyawa terancam</translation>
        </message>
        <message>
            <source>P2 urgent</source>
            <translation>P2 mendesak</translation>
        </message>
        <message>
            <source>P3 normal</source>
            <translation>P3 biasa</translation>
        </message>
        <message>
            <source>P4 no urgency</source>
            <translation>P4 tidak mendesak</translation>
        </message>
        <message>
            <source>Caller number</source>
            <translation>Nomor penelepon</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Kecamatan</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Kelurahan</source>
            <translation>Kelurahan</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Landmark</source>
            <translation>Patokan</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Koordinat</translation>
        </message>
        <message>
            <source>Caller name</source>
            <translation>Nama pelapor</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Opening the database…</source>
            <translation>Membuka basis data…</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Peta</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dasbor</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Memuat…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>&amp;Calls</source>
            <translation>&amp;Panggilan</translation>
        </message>
        <message>
            <source>New call</source>
            <translation>Panggilan baru</translation>
        </message>
        <message>
            <source>Take a new call (F2)</source>
            <translation>Terima panggilan baru (F2)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Tampilan</translation>
        </message>
        <message>
            <source>Light theme</source>
            <translation>Tema terang</translation>
        </message>
        <message>
            <source>Dark theme</source>
            <translation>Tema gelap</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ban&amp;tuan</translation>
        </message>
        <message>
            <source>About Siaga Console</source>
            <translation>Tentang Siaga Console</translation>
        </message>
        <message>
            <source>The language changes the next time the console starts.</source>
            <translation>Bahasa akan berganti saat aplikasi dibuka kembali.</translation>
        </message>
        <message>
            <source>Settings not saved: {error}</source>
            <translation>Pengaturan tidak tersimpan: {error}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Siaga Console&lt;/b&gt; {version}&lt;br&gt;Dispatcher console of Serang Siaga 112.&lt;br&gt;&lt;br&gt;Boundaries: BPS – Statistics Indonesia, via OCHA/HDX (CC BY-IGO).</source>
            <translation>&lt;b&gt;Siaga Console&lt;/b&gt; {version}&lt;br&gt;Konsol operator Serang Siaga 112.&lt;br&gt;&lt;br&gt;Batas wilayah: BPS – Badan Pusat Statistik, melalui OCHA/HDX (CC BY-IGO).</translation>
        </message>
        <message>
            <source>shared PostgreSQL</source>
            <translation>PostgreSQL bersama</translation>
        </message>
        <message>
            <source>local SQLite</source>
            <translation>SQLite lokal</translation>
        </message>
        <message>
            <source>Database: {kind} ({where})</source>
            <translation>Basis data: {kind} ({where})</translation>
        </message>
        <message>
            <source>Workstation: {name}</source>
            <translation>Workstation: {name}</translation>
        </message>
        <message>
            <source>Operator: {name} ({role})</source>
            <translation>Operator: {name} ({role})</translation>
        </message>
        <message>
            <source>Operator: —</source>
            <translation>Operator: —</translation>
        </message>
        <message>
            <source>● Connected</source>
            <translation>● Terhubung</translation>
        </message>
        <message>
            <source>● Not connected</source>
            <translation>● Tidak terhubung</translation>
        </message>
        <message>
            <source>Siaga Console — Serang Siaga 112</source>
            <translation>Siaga Console — Serang Siaga 112</translation>
        </message>
        <message>
            <source>[DEMO DATA]</source>
            <translation>[DATA DEMO]</translation>
        </message>
    </context>
</TS>
