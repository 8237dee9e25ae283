// Siar's own Indonesian tone lexicon, tuned for news and citizen posts about local government.
// Entries are folded lower-case words or short phrases separated by commas; inflected forms are
// listed explicitly because Siar does no affix stemming (only clitics like -nya are stripped).
// Keep a word out of both lists when its tone depends on context (e.g. "bantuan", "kritik").

const list = (s: string): string[] =>
  s
    .split(',')
    .map((w) => w.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

export const POSITIVE_WORDS: readonly string[] = list(`
  apresiasi, mengapresiasi, diapresiasi, berhasil, keberhasilan, sukses, kesuksesan, menyukseskan,
  bagus,  terbaik, membaik, perbaikan, diperbaiki, memperbaiki, membantu, terbantu, dibantu,
  terima kasih, makasih, berterima kasih, prestasi, berprestasi, penghargaan, transparan,
  transparansi, akuntabel, akuntabilitas, profesional, responsif, tanggap, sigap, cepat tanggap,
  gercep, cepat, tepat waktu, tepat sasaran, lancar, kelancaran, memuaskan, puas, kepuasan, senang,
  gembira, bahagia, bangga, membanggakan, kebanggaan, hebat, luar biasa, mantap, keren, top, juara,
  menang, kemenangan, meraih, raih, unggul, unggulan, inovasi, inovatif, kreatif, terobosan, solusi,
  solutif, bermanfaat, manfaat, berguna, efektif, efisien, produktif, optimal, maksimal, positif,
  mendukung, dukungan, didukung, sepakat, setuju, menyetujui, disetujui, peduli, kepedulian,
  ramah, sopan, santun, jujur, kejujuran, adil, keadilan, amanah, bersih, rapi, indah, asri, nyaman,
  kenyamanan, aman, keamanan terjamin, tertib, ketertiban, kondusif, damai, harmonis, rukun,
  sejahtera, kesejahteraan, makmur, maju, kemajuan, berkembang, pertumbuhan, tumbuh, meningkat,
  peningkatan, naik kelas, surplus, untung, keuntungan, laris, ramai pengunjung, diminati,
  antusias, antusiasme, semangat, bersemangat, optimis, optimistis, harapan baru, berharap baik,
  pulih, pemulihan, sembuh, kesembuhan, sehat, menyehatkan, selamat, keselamatan, terselamatkan,
   dituntaskan, rampung, selesai tepat waktu, diresmikan, peresmian, meresmikan, terwujud,
  mewujudkan, tercapai, mencapai target, melampaui target, capaian, realisasi tinggi, terealisasi,
  terlaksana, sukses digelar, meriah, kemeriahan, berkualitas, kualitas terjaga, bermutu, modern,
  canggih, terjangkau, murah, gratis, cuma-cuma, memudahkan, kemudahan, mudah, praktis, sederhana,
  inklusif, ramah disabilitas, ramah lingkungan,  lestari, berkelanjutan, tangguh, kuat,
  solid, kompak, kolaborasi, kolaboratif, bersinergi, sinergi, gotong royong, bahu membahu,
  berdedikasi, dedikasi, teladan, inspiratif, menginspirasi, inspirasi, motivasi, memotivasi,
  terpercaya, kepercayaan, dipercaya, kredibel, integritas, berintegritas, bersih dari korupsi,
  wtp, wajar tanpa pengecualian, opini wtp, predikat terbaik, peringkat pertama, nomor satu,
  rekor, memecahkan rekor, terdepan, pelopor, percontohan, model terbaik, penghargaan nasional,
  anugerah, dianugerahi, menerima penghargaan, piala, medali,  lolos, lulus, 
  bebas banjir, bebas macet, lancar jaya, tepat guna, responsif terhadap keluhan, cepat ditangani,
  ditangani, tertangani, terselesaikan, diselesaikan, menyelesaikan, dipulihkan, normal kembali,
  berfungsi, beroperasi normal, tersedia, mencukupi,  memadai, stabil, terkendali,
  mengendalikan, turun angka kemiskinan, pengangguran turun, inflasi terkendali, swasembada,
  ketahanan pangan, berdaya, pemberdayaan, memberdayakan, terberdayakan, mandiri, kemandirian,
  apik, ciamik, oke, josss, jos, mantul, recommended, rekomendasi, terkesan, mengesankan, salut,
  acungan jempol, jempol, bravo, selamat atas, syukur, bersyukur, alhamdulillah, berkah, rezeki,
  beruntung, dipuji, memuji, pujian, disambut baik, sambutan hangat,  akrab, bersahabat,
  humanis, merakyat, dekat dengan rakyat, mendengar aspirasi, aspiratif, partisipatif, terbuka,
  keterbukaan, informatif, jelas, kejelasan, lengkap, akurat, valid, faktual, terverifikasi,
  bermartabat, berwibawa, disiplin, kedisiplinan, patuh, taat,   layak, kelayakan,
  menyenangkan, menghibur, seru, asyik, asik, menarik, memikat, mempesona, memukau, spektakuler,
  megah, gemilang, cemerlang, bersinar,  cerah, segar, sejuk, bersih lingkungan, lega,
  melegakan, tenang, menenangkan, terlindungi, perlindungan, melindungi, menjamin, terjamin,
  jaminan, bantuan tepat sasaran, merata, pemerataan, menyeluruh, komprehensif, tuntas
`);

export const NEGATIVE_WORDS: readonly string[] = list(`
  korupsi, koruptor, dikorupsi, korup, suap, disuap, menyuap, penyuapan, gratifikasi, pungli,
  pungutan liar, pemerasan, memeras, diperas, kolusi, nepotisme,  mark up, penggelembungan,
  penyelewengan, menyelewengkan, diselewengkan, penyalahgunaan, disalahgunakan, menyalahgunakan,
  penggelapan, menggelapkan, fiktif, manipulasi, memanipulasi, dimanipulasi, curang, kecurangan,
  penipuan, menipu, ditipu, tipu, bohong, berbohong, kebohongan, hoaks, hoax, fitnah, memfitnah,
  gagal, kegagalan, menggagalkan, buruk, memburuk, keburukan, jelek, parah, terparah, kecewa,
  kekecewaan, mengecewakan, dikecewakan, lambat, lamban, kelambanan, lelet, molor, terlambat,
  keterlambatan, tertunda, penundaan, ditunda, mangkrak, terbengkalai, terlantar, ditelantarkan,
  macet, kemacetan, banjir, kebanjiran, genangan, longsor, tanah longsor, rusak, kerusakan,
  merusak, dirusak, berlubang, jalan rusak, ambruk, roboh, runtuh, amblas, retak, bocor, kebocoran,
  padam, pemadaman, mati listrik, mati lampu, krisis, kelangkaan, langka, kosong, habis stok,
  kekurangan, minim, defisit, rugi, kerugian, merugikan, dirugikan, bangkrut, utang menumpuk,
  mahal, kemahalan, melonjak, lonjakan harga, naik harga, inflasi tinggi, miskin, kemiskinan,
  pengangguran, phk, dipecat, pemecatan, kelaparan, gizi buruk, stunting, busung lapar, wabah,
  penyakit, terjangkit, jatuh sakit,  korban, tewas, meninggal, meninggal dunia, kematian, luka, terluka,
  cedera, kecelakaan, tabrakan, kebakaran, terbakar, dibakar, ledakan, meledak, bencana, musibah,
  tragedi, tragis, kriminal, kejahatan, pencurian, dicuri, mencuri, perampokan, dirampok, begal,
  pembegalan, penganiayaan, dianiaya, kekerasan, pelecehan, dilecehkan, pemerkosaan, pembunuhan,
  dibunuh, tawuran, bentrok, bentrokan, kerusuhan, ricuh, kericuhan, rusuh, anarkis, anarki,
  demo, demonstrasi, unjuk rasa, protes, memprotes, diprotes, mogok, boikot, menolak, penolakan,
  ditolak, tolak, keluhan, mengeluh, dikeluhkan, keluh, banjir keluhan, aduan, mengadu, pengaduan,
  komplain, dikomplain, sorotan, disorot, kecaman, mengecam, dikecam, kritik pedas, dihujat,
  hujatan, menghujat, caci maki, mencaci, amarah, marah, murka, geram, kesal, jengkel, kesel,
  sebal, muak, benci, kebencian, sedih, kesedihan, pilu, prihatin, memprihatinkan, miris,
  menyedihkan, khawatir, kekhawatiran, mengkhawatirkan, cemas, resah, meresahkan, keresahan,
  takut, ketakutan, menakutkan, ancaman, mengancam, terancam, bahaya, berbahaya, membahayakan,
  rawan, kerawanan, rentan, darurat, kacau, kekacauan, semrawut, amburadul, berantakan,
  carut marut, kumuh, kotor, jorok, sampah menumpuk, bau, polusi, pencemaran, tercemar,
  mencemari, limbah, pembalakan liar, perambahan, deforestasi, tambang ilegal, ilegal, liar,
  melanggar, pelanggaran, dilanggar, menyimpang, penyimpangan, tidak sesuai prosedur, maladministrasi,
  sewenang-wenang, kesewenangan, arogan, arogansi, otoriter, represif, intimidasi, diintimidasi,
  mengintimidasi, diskriminasi, diskriminatif, tidak adil, ketidakadilan, zalim, semena-mena,
  abai, mengabaikan, diabaikan, lalai, kelalaian, teledor, ceroboh, tidak becus, 
  tidak profesional, amatir, asal-asalan, asal jadi, tebang pilih, pencitraan, omong kosong,
  janji palsu, ingkar janji, mangkir, absen, bolos, membolos, kabur, buron, tersangka,
  terdakwa, ditahan, ditangkap, penangkapan, ott, operasi tangkap tangan, dijerat, terjerat,
  vonis, divonis, dipenjara, penjara, sanksi, dicopot, pencopotan, mundur paksa, skandal,
  kontroversi, kontroversial, polemik, gaduh, kegaduhan, heboh negatif, viral negatif, sesat,
  menyesatkan, keliru, kekeliruan, salah, kesalahan, error, eror, gangguan, terganggu, mengganggu,
  down, lemot, sulit diakses, tidak bisa diakses, ribet, berbelit, berbelit-belit, rumit,
  mempersulit, dipersulit, kesulitan, susah, menyusahkan, antre panjang, antrean panjang,
  antrean mengular, berjubel, sesak, penuh sesak, overkapasitas, telat, ngaret, bobrok,
  kebobrokan, lemah, melemah, pelemahan, merosot, kemerosotan, anjlok, turun drastis, menurun,
  penurunan, terpuruk, keterpurukan, stagnan, mandek, jalan di tempat, sia-sia, mubazir,
  pemborosan, boros, menghamburkan, tak tepat sasaran, salah sasaran, salah urus, carut-marut,
  timpang, ketimpangan, kesenjangan, tertinggal, terbelakang, terisolasi, terpencil, sengketa,
  konflik, perselisihan, cekcok, ribut, keributan, perkelahian, kerugian negara, defisit anggaran,
  bocor anggaran, dana raib, raib, hilang, kehilangan, lenyap, menghilang, putus, terputus,
  ambles, tenggelam, hanyut, terseret, terjebak, terdampak, pengungsi, mengungsi, kekeringan,
  krisis air, gagal panen, puso, hama, kemarau panjang, kabut asap, karhutla, asap, sesak napas,
  ispa, dbd, demam berdarah, keracunan, diracun, racun, basi, kedaluwarsa, kadaluarsa, palsu,
  pemalsuan, dipalsukan, oplosan, tidak layak, kurang layak, kurang gizi, memalukan, malu,
  mempermalukan, tercoreng, mencoreng, nama buruk, citra buruk, reputasi buruk, dicemooh,
  cemooh, diejek, olok-olok, sindiran, menyindir, nyinyir, sinis, pesimis, pesimistis, frustrasi,
  putus asa, menderita, penderitaan, sengsara, kesengsaraan, nestapa, terlunta-lunta
`);

/** Words that flip the tone of the next few words ("tidak bagus", "tanpa pungli"). */
export const NEGATORS: readonly string[] = list(`
  tidak, tak, bukan, belum, tanpa, jangan, nggak, ngga, gak, ga, enggak, engga, ndak, kagak,
  kurang, tiada, bebas dari, anti
`);

/** Negator + word pairs that do not negate ("tidak hanya bagus, tapi juga…"). */
export const NOT_NEGATING: readonly string[] = list(`
  tidak hanya, bukan hanya, tak hanya, tidak cuma, bukan cuma, bukan sekadar, tidak sekadar,
  tidak sedikit, tak sedikit, tidak kalah, tak kalah, tanpa henti, tak henti
`);
