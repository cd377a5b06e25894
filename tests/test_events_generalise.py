"""Generalisation beyond the Russia-centred dev set: short articles written for these tests
(fresh sentences, not taken from any eval set or web page) about Gulf, Egyptian, Iranian,
Turkish, US, European, Asian and African diplomacy and international organisations, in
Arabic, English, French, Russian, Persian, Urdu and Italian, plus non-events that must stay
silent. Each article goes through the whole in-process pipeline (clean -> language -> extract)
and is compared like the scorer does: same type + participants (+ actor/target for visits),
then location, date and status.

Expected events are written compactly:
    "visit EGY>SAU @SAU 2025-11-04 occurred"      actor>target, location, date, status
    "meeting EGY,SAU @- - planned"                participants, no location, no date
A leading "?" marks an optional event (may be emitted or not, like `optional` in gold).
"""
from __future__ import annotations

import json

import pytest

from streams.evaluate import predict_inprocess, to_predictions

# 2025-11-04 is a Tuesday (Monday 11-03, Sunday 11-02, Saturday 11-01, Wednesday 10-29).
PUB = "2025-11-04T10:00:00Z"

CASES = [
    # ------------------------------------------------------------------ Arabic
    ("ar-host-fm", "ar", PUB,
     "الرياض - واس\nاستقبل وزير الخارجية السعودي الأمير فيصل بن فرحان في مقر الوزارة بالرياض اليوم الثلاثاء "
     "نظيره المصري بدر عبد العاطي، وجرى خلال الاستقبال استعراض العلاقات الثنائية وتطورات الأوضاع في "
     "السودان وقطاع غزة.",
     ["meeting EGY,SAU @SAU 2025-11-04 occurred", "?visit EGY>SAU @SAU 2025-11-04 occurred"]),
    ("ar-call-received", "ar", PUB,
     "الدوحة - قنا\nتلقى حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى اتصالا هاتفيا أمس "
     "من فخامة الرئيس دونالد ترامب رئيس الولايات المتحدة الأمريكية، جرى خلاله استعراض علاقات التعاون "
     "الاستراتيجي بين البلدين.",
     ["call QAT,USA @- 2025-11-03 occurred"]),
    ("ar-mou", "ar", PUB,
     "وقعت مصر والإمارات اليوم الثلاثاء في القاهرة مذكرة تفاهم للتعاون في مجال الطاقة المتجددة والهيدروجين "
     "الأخضر، بحضور رئيس مجلس الوزراء المصري مصطفى مدبولي. وقال بيان لمجلس الوزراء إن المذكرة تستهدف "
     "زيادة الاستثمارات الإماراتية في مصر.",
     ["agreement ARE,EGY @EGY 2025-11-04 occurred"]),
    ("ar-round-mediated", "ar", PUB,
     "انطلقت في العاصمة العمانية مسقط يوم السبت جولة جديدة من المفاوضات غير المباشرة بين إيران والولايات "
     "المتحدة بشأن البرنامج النووي الإيراني، بوساطة سلطنة عمان.",
     ["negotiation IRN,USA @OMN 2025-11-01 occurred"]),
    ("ar-intends-visit", "ar", PUB,
     "يعتزم الرئيس التركي رجب طيب أردوغان زيارة الجزائر الشهر المقبل، وفق ما أعلنت الرئاسة التركية، "
     "لبحث توسيع التعاون في مجال الغاز.",
     ["visit TUR>DZA @DZA - planned"]),
    ("ar-scheduled-crown-prince", "ar", PUB,
     "من المقرر أن يزور ولي العهد السعودي الأمير محمد بن سلمان واشنطن في 18 نوفمبر الجاري، حيث يلتقي "
     "الرئيس الأمريكي في البيت الأبيض.",
     ["visit SAU>USA @USA 2025-11-18 planned", "?meeting SAU,USA @USA 2025-11-18 planned"]),
    ("ar-palace-reception", "ar", PUB,
     "استقبل الرئيس عبد الفتاح السيسي اليوم الثلاثاء بقصر الاتحادية رئيس الوزراء الإسباني بيدرو سانشيز، "
     "بحضور وزير الخارجية بدر عبد العاطي، وتناول اللقاء سبل تعزيز التعاون الاقتصادي.",
     ["meeting EGY,ESP @EGY 2025-11-04 occurred", "?visit ESP>EGY @EGY 2025-11-04 occurred"]),
    ("ar-un-sg", "ar", PUB,
     "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش، مساء الاثنين في نيويورك، وزير الخارجية الأردني "
     "أيمن الصفدي، وبحثا الجهود الرامية إلى وقف إطلاق النار.",
     ["meeting JOR,UN @USA 2025-11-03 occurred"]),
    ("ar-arab-league", "ar", PUB,
     "بحث الأمين العام لجامعة الدول العربية أحمد أبو الغيط، اليوم الثلاثاء بمقر الأمانة العامة في القاهرة، "
     "مع وزير الخارجية الصومالي الأوضاع في القرن الأفريقي.",
     ["meeting ARAB_LEAGUE,SOM @EGY 2025-11-04 occurred"]),
    ("ar-eu-arrives", "ar", PUB,
     "وصلت الممثلة العليا للسياسة الخارجية والأمنية في الاتحاد الأوروبي كايا كالاس إلى بيروت اليوم "
     "الثلاثاء في زيارة تستغرق يومين تلتقي خلالها كبار المسؤولين اللبنانيين.",
     ["visit EU>LBN @LBN 2025-11-04 occurred"]),
    ("ar-nato", "ar", PUB,
     "عقد الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته اجتماعا مع وزير الدفاع التركي يشار غولر "
     "في أنقرة يوم الاثنين، تناول التعاون الدفاعي داخل الحلف.",
     ["meeting NATO,TUR @TUR 2025-11-03 occurred"]),
    ("ar-gcc-eu", "ar", PUB,
     "عقد وزراء خارجية دول مجلس التعاون لدول الخليج العربية اجتماعا مشتركا مع نظرائهم في الاتحاد "
     "الأوروبي في الكويت يوم الاثنين، بحضور الأمين العام لمجلس التعاون جاسم البديوي.",
     ["meeting EU,GCC @KWT 2025-11-03 occurred"]),
    ("ar-iran-fm-arrives", "ar", PUB,
     "وصل وزير الخارجية الإيراني عباس عراقجي إلى القاهرة مساء الأحد في زيارة رسمية يلتقي خلالها نظيره "
     "المصري وعددا من المسؤولين.",
     ["visit IRN>EGY @EGY 2025-11-02 occurred", "?meeting EGY,IRN @EGY - occurred"]),
    ("ar-africa-talks", "ar", PUB,
     "أجرى الرئيس الكيني وليام روتو مباحثات في أديس أبابا أمس مع رئيس الوزراء الإثيوبي آبي أحمد تناولت "
     "الأمن الإقليمي ومشروعات الربط الكهربائي.",
     ["meeting ETH,KEN @ETH 2025-11-03 occurred", "?visit KEN>ETH @ETH 2025-11-03 occurred"]),
    ("ar-kuwait-crown-prince", "ar", PUB,
     "الكويت - كونا\nاستقبل ولي العهد الكويتي الشيخ صباح خالد الحمد الصباح في قصر بيان اليوم الثلاثاء "
     "وزير الخارجية البريطاني، والوفد المرافق له بمناسبة زيارته للبلاد.",
     ["visit GBR>KWT @KWT 2025-11-04 occurred", "?meeting GBR,KWT @KWT 2025-11-04 occurred"]),
    ("ar-sudan-bahrain-call", "ar", PUB,
     "أجرى ملك البحرين الملك حمد بن عيسى آل خليفة اتصالا هاتفيا مع رئيس مجلس السيادة السوداني عبد الفتاح "
     "البرهان، اليوم الثلاثاء، تبادلا خلاله وجهات النظر حول الأوضاع في السودان.",
     ["call BHR,SDN @- 2025-11-04 occurred"]),
    # Arabic non-events
    ("ar-trade-stats", "ar", PUB,
     "ارتفع حجم التبادل التجاري بين مصر والسعودية إلى 12 مليار دولار خلال الأشهر التسعة الأولى من العام، "
     "بحسب بيانات الجهاز المركزي للتعبئة العامة والإحصاء، فيما تراجعت الواردات من الصين بنسبة 4 بالمئة.",
     []),
    ("ar-sport", "ar", PUB,
     "يلتقي المنتخب السعودي نظيره الإندونيسي مساء الخميس في جدة ضمن التصفيات الآسيوية المؤهلة لكأس العالم، "
     "فيما يستضيف المنتخب القطري نظيره الإماراتي في الدوحة.",
     []),
    ("ar-opinion", "ar", PUB,
     "مقال رأي\nينبغي على واشنطن أن تعود إلى طاولة المفاوضات مع طهران قبل فوات الأوان، فالتجربة أثبتت أن "
     "الحوار وحده قادر على نزع فتيل الأزمة، ولا بد أن تدرك الإدارة الأمريكية ذلك.",
     []),
    ("ar-recalled", "ar", PUB,
     "أعلنت وزارة المالية الجزائرية ارتفاع احتياطي النقد الأجنبي. وكان الرئيس الفرنسي إيمانويل ماكرون قد "
     "زار الجزائر في أغسطس 2022 في زيارة وصفت آنذاك بأنها طي لصفحة الخلافات.",
     ["?visit FRA>DZA @DZA - occurred"]),
    ("ar-readalso", "ar", PUB,
     "أعلنت هيئة الأرصاد الجوية في الإمارات عن أمطار غزيرة متوقعة على المناطق الشمالية خلال اليومين المقبلين، "
     "ودعت السكان إلى توخي الحذر أثناء القيادة والابتعاد عن مجاري الأودية، مشيرة إلى أن درجات الحرارة "
     "ستنخفض تدريجيا مع نهاية الأسبوع.\n"
     "اقرأ أيضا\nولي العهد السعودي يستقبل رئيس وزراء باكستان في الرياض\n"
     "الرئيس الصيني يصل إلى القاهرة في زيارة دولة",
     []),

    # ------------------------------------------------------------------ English
    ("en-held-talks", "en", PUB,
     "WASHINGTON (Reuters) - U.S. Secretary of State Marco Rubio held talks with Indian External Affairs "
     "Minister S. Jaishankar in Washington on Monday, discussing trade tariffs and security in the "
     "Indo-Pacific, the State Department said.",
     ["meeting IND,USA @USA 2025-11-03 occurred"]),
    ("en-phone-call", "en", PUB,
     "Chinese President Xi Jinping held a phone call with his French counterpart Emmanuel Macron on Monday, "
     "state broadcaster CCTV reported. The two leaders discussed trade and the war in Ukraine.",
     ["call CHN,FRA @- 2025-11-03 occurred"]),
    ("en-mou", "en", PUB,
     "India and the United Arab Emirates signed a memorandum of understanding on energy cooperation in Abu "
     "Dhabi on Tuesday, during a visit by India's petroleum minister.",
     ["agreement ARE,IND @ARE 2025-11-04 occurred", "?visit IND>ARE @ARE 2025-11-04 occurred"]),
    ("en-will-travel", "en", PUB,
     "NAIROBI, Nov 4 - Kenyan President William Ruto will travel to Beijing next week for a state visit, "
     "his spokesman said on Tuesday, the latest African leader to court Chinese investment.",
     ["visit KEN>CHN @CHN - planned"]),
    ("en-arrived", "en", PUB,
     "German Chancellor Friedrich Merz arrived in Ankara on Monday for talks with Turkish President Recep "
     "Tayyip Erdogan on migration and defence cooperation.",
     ["visit DEU>TUR @TUR 2025-11-03 occurred", "?meeting DEU,TUR @TUR 2025-11-03 occurred"]),
    ("en-received-counterpart", "en", PUB,
     "ABUJA - Nigerian President Bola Tinubu on Monday received his Ghanaian counterpart John Mahama at the "
     "State House in Abuja, where the two leaders discussed regional security and the West African bloc.",
     ["meeting GHA,NGA @NGA 2025-11-03 occurred", "?visit GHA>NGA @NGA 2025-11-03 occurred"]),
    ("en-eu-met", "en", PUB,
     "EU foreign policy chief Kaja Kallas met Ukrainian Foreign Minister Andrii Sybiha in Brussels on Monday "
     "to discuss a new package of military aid.",
     ["meeting EU,UKR @BEL 2025-11-03 occurred"]),
    ("en-negotiation-round", "en", PUB,
     "A new round of negotiations between Armenia and Azerbaijan on a peace treaty opened in Abu Dhabi on "
     "Monday, officials from both sides said.",
     ["negotiation ARM,AZE @ARE 2025-11-03 occurred"]),
    ("en-call-received", "en", PUB,
     "RIYADH - Saudi Crown Prince Mohammed bin Salman received a phone call on Monday from Japanese Prime "
     "Minister Sanae Takaichi, the Saudi Press Agency reported.",
     ["call JPN,SAU @- 2025-11-03 occurred"]),
    ("en-agreement-signed", "en", PUB,
     "Egypt and the European Union signed an agreement on Tuesday in Cairo for a 4 billion euro loan, "
     "Egypt's cabinet said.",
     ["agreement EGY,EU @EGY 2025-11-04 occurred"]),
    ("en-un-sg", "en", PUB,
     "UN Secretary-General Antonio Guterres met Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al "
     "Thani in Doha on Sunday to discuss humanitarian access to Gaza.",
     ["meeting QAT,UN @QAT 2025-11-02 occurred"]),
    # English non-events
    ("en-stats", "en", PUB,
     "Japan's exports to China fell 3.1 percent in October from a year earlier, official data showed on "
     "Tuesday, while imports from the United States rose for a second month.",
     []),
    ("en-sport", "en", PUB,
     "Saudi Arabia will meet Japan in the Asian Cup quarter-final on Thursday after the national team beat "
     "Iraq 2-1 in Doha.",
     []),
    ("en-opinion", "en", PUB,
     "OPINION: Washington should sit down with Tehran before it is too late. A deal with Iran is possible "
     "only if both capitals accept painful compromises.",
     []),
    ("en-recalled", "en", PUB,
     "India's central bank kept interest rates unchanged on Tuesday. Prime Minister Narendra Modi had "
     "visited Moscow last year, a trip criticised in Washington.",
     ["?visit IND>RUS @RUS - occurred"]),

    # ------------------------------------------------------------------ French
    ("fr-call", "fr", PUB,
     "Le président Emmanuel Macron s'est entretenu lundi par téléphone avec le prince héritier saoudien "
     "Mohammed ben Salmane, a indiqué l'Élysée. Les deux dirigeants ont évoqué la situation au Proche-Orient.",
     ["call FRA,SAU @- 2025-11-03 occurred"]),
    ("fr-visit", "fr", PUB,
     "Le ministre algérien des Affaires étrangères, Ahmed Attaf, est arrivé lundi à Rome pour une visite de "
     "travail de deux jours, au cours de laquelle il rencontrera son homologue italien.",
     ["visit DZA>ITA @ITA 2025-11-03 occurred", "?meeting DZA,ITA @ITA - planned"]),
    ("fr-agreement", "fr", PUB,
     "Le Maroc et la Mauritanie ont signé mardi à Nouakchott un accord de coopération dans le domaine de "
     "l'énergie, en présence des deux chefs de gouvernement.",
     ["agreement MAR,MRT @MRT 2025-11-04 occurred"]),
    ("fr-meeting", "fr", PUB,
     "Le chef de la diplomatie française Jean-Noël Barrot a rencontré dimanche au Caire le président égyptien "
     "Abdel Fattah al-Sissi pour discuter de la reconstruction de Gaza.",
     ["meeting EGY,FRA @EGY 2025-11-02 occurred", "?visit FRA>EGY @EGY 2025-11-02 occurred"]),

    # ------------------------------------------------------------------ Russian
    ("ru-talks", "ru", PUB,
     "Министр иностранных дел Египта Бадр Абдель Ати провёл в понедельник в Каире переговоры с главой МИД "
     "Ирана Аббасом Аракчи, сообщило египетское внешнеполитическое ведомство.",
     ["meeting EGY,IRN @EGY 2025-11-03 occurred", "?visit IRN>EGY @EGY 2025-11-03 occurred"]),
    ("ru-arrived", "ru", PUB,
     "Премьер-министр Индии Нарендра Моди прибыл во вторник в Токио с официальным визитом, в ходе которого "
     "он проведет переговоры с японским премьером.",
     ["visit IND>JPN @JPN 2025-11-04 occurred", "?meeting IND,JPN @JPN - planned"]),
    ("ru-call", "ru", PUB,
     "Президент Турции Реджеп Тайип Эрдоган провел в понедельник телефонный разговор с президентом США "
     "Дональдом Трампом, сообщили в администрации турецкого лидера.",
     ["call TUR,USA @- 2025-11-03 occurred"]),

    # ------------------------------------------------------------------ Persian
    ("fa-meeting", "fa", PUB,
     "سید عباس عراقچی وزیر امور خارجه کشورمان روز دوشنبه در مسقط با بدر البوسعیدی همتای عمانی خود دیدار و "
     "گفتگو کرد. در این دیدار دو طرف درباره روابط دوجانبه و تحولات منطقه رایزنی کردند.",
     ["meeting IRN,OMN @OMN 2025-11-03 occurred", "?visit IRN>OMN @OMN 2025-11-03 occurred"]),
    ("fa-call", "fa", PUB,
     "مسعود پزشکیان رئیس جمهور ایران روز دوشنبه در گفتگوی تلفنی با امانوئل مکرون رئیس جمهور فرانسه درباره "
     "برنامه هسته ای و روابط دو کشور گفتگو کرد.",
     ["call FRA,IRN @- 2025-11-03 occurred"]),

    # ------------------------------------------------------------------ Urdu
    ("ur-meeting", "ur", PUB,
     "وزیر اعظم شہباز شریف نے پیر کے روز ریاض میں سعودی ولی عہد شہزادہ محمد بن سلمان سے ملاقات کی جس میں "
     "دوطرفہ تعلقات اور سرمایہ کاری کے امور پر تبادلہ خیال کیا گیا۔",
     ["meeting PAK,SAU @SAU 2025-11-03 occurred", "?visit PAK>SAU @SAU 2025-11-03 occurred"]),
    ("ur-agreement", "ur", PUB,
     "پاکستان اور چین نے منگل کو اسلام آباد میں توانائی کے شعبے میں تعاون کے ایک معاہدے پر دستخط کیے۔",
     ["agreement CHN,PAK @PAK 2025-11-04 occurred"]),

    # ------------------------------------------------------------------ Italian
    ("it-meeting", "it", PUB,
     "La presidente del Consiglio Giorgia Meloni ha incontrato lunedì a Palazzo Chigi il primo ministro "
     "indiano Narendra Modi. Al centro del colloquio la cooperazione economica e il corridoio IMEC.",
     ["meeting IND,ITA @ITA 2025-11-03 occurred"]),
    ("it-visit", "it", PUB,
     "Il ministro degli Esteri Antonio Tajani è arrivato lunedì al Cairo per una visita ufficiale di due "
     "giorni, durante la quale incontrerà il presidente egiziano.",
     ["visit ITA>EGY @EGY 2025-11-03 occurred", "?meeting EGY,ITA @EGY - planned"]),
    ("it-call", "it", PUB,
     "Colloquio telefonico lunedì tra la premier Giorgia Meloni e il presidente turco Recep Tayyip Erdogan "
     "sulla situazione in Medio Oriente, ha reso noto Palazzo Chigi.",
     ["call ITA,TUR @- 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 2
    ("ar-emir-dateline", "ar", PUB,
     "الدوحة - قنا\nاستقبل حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى صباح اليوم فخامة "
     "الرئيس بول كاغامي رئيس جمهورية رواندا والوفد المرافق، وذلك بمناسبة زيارته الرسمية للبلاد.",
     ["visit RWA>QAT @QAT 2025-11-04 occurred", "?meeting QAT,RWA @QAT 2025-11-04 occurred"]),
    ("ar-saudi-protocol", "ar", PUB,
     "استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد رئيس مجلس الوزراء، في "
     "قصر اليمامة بالرياض اليوم، رئيس جمهورية السنغال باسيرو ديوماي فاي. وجرى خلال الاستقبال استعراض "
     "العلاقات الثنائية وفرص تطويرها.",
     ["meeting SAU,SEN @SAU 2025-11-04 occurred", "?visit SEN>SAU @SAU 2025-11-04 occurred"]),
    ("ar-sisi-headline-call", "ar", PUB,
     "السيسي يتلقى اتصالاً هاتفياً من رئيس الوزراء البريطاني\n"
     "تلقى الرئيس عبد الفتاح السيسي، مساء اليوم، اتصالاً هاتفياً من رئيس الوزراء البريطاني كير ستارمر، "
     "حيث تم التأكيد على أهمية تثبيت وقف إطلاق النار في قطاع غزة.",
     ["call EGY,GBR @- 2025-11-04 occurred"]),
    ("ar-phone-discuss", "ar", PUB,
     "بحث وزير الخارجية السعودي الأمير فيصل بن فرحان هاتفيا مع نظيره الإيراني عباس عراقجي، اليوم الثلاثاء، "
     "المستجدات الإقليمية.",
     ["call IRN,SAU @- 2025-11-04 occurred"]),
    ("ar-tehran-talks", "ar", PUB,
     "أجرى وزير الخارجية الإيراني عباس عراقجي محادثات في طهران الاثنين مع نظيره التركي هاكان فيدان "
     "تناولت الأوضاع في سوريا والتعاون الاقتصادي.",
     ["meeting IRN,TUR @IRN 2025-11-03 occurred", "?visit TUR>IRN @IRN 2025-11-03 occurred"]),
    ("ar-rubio-tomorrow", "ar", PUB,
     "من المقرر أن يصل وزير الخارجية الأمريكي ماركو روبيو إلى تل أبيب غدا الأربعاء، في أول زيارة له منذ "
     "توليه منصبه، يلتقي خلالها رئيس الوزراء الإسرائيلي.",
     ["visit USA>ISR @ISR 2025-11-05 planned", "?meeting ISR,USA @ISR - planned"]),
    ("ar-turkey-iraq-deal", "ar", PUB,
     "وقعت تركيا والعراق، الاثنين في بغداد، اتفاقية إطارية للتعاون في مجال المياه، بحضور رئيس الوزراء "
     "العراقي محمد شياع السوداني ووزير الخارجية التركي هاكان فيدان.",
     ["agreement IRQ,TUR @IRQ 2025-11-03 occurred", "?visit TUR>IRQ @IRQ 2025-11-03 occurred"]),
    ("ar-au-visit", "ar", PUB,
     "يزور رئيس مفوضية الاتحاد الأفريقي محمود علي يوسف الخرطوم الأسبوع المقبل لبحث سبل إنهاء الحرب، "
     "بحسب بيان للمفوضية.",
     ["visit AU>SDN @SDN - planned"]),
    ("ar-oman-fm-visit", "ar", PUB,
     "وصل وزير الخارجية العماني بدر بن حمد البوسعيدي إلى طهران اليوم الثلاثاء في زيارة رسمية يجري خلالها "
     "مباحثات مع كبار المسؤولين الإيرانيين.",
     ["visit OMN>IRN @IRN 2025-11-04 occurred", "?meeting IRN,OMN @IRN - planned"]),
    ("ar-recalled-year", "ar", PUB,
     "قال المتحدث باسم الخارجية الصينية إن بكين تتطلع إلى تعزيز التعاون مع القاهرة. وكان الرئيس الصيني شي "
     "جين بينغ قد زار مصر في يناير 2016 حيث وقع البلدان عدة اتفاقيات.",
     ["?visit CHN>EGY @EGY - occurred", "?agreement CHN,EGY @EGY - occurred"]),
    ("ar-negated", "ar", PUB,
     "نفت وزارة الخارجية المصرية ما تردد عن زيارة مرتقبة لوزير الخارجية إلى طهران، مؤكدة أن الوزير لم "
     "يلتق أي مسؤول إيراني خلال الأسبوع الماضي.",
     []),

    ("en-spoke-phone", "en", PUB,
     "Secretary of State Marco Rubio spoke by phone on Monday with Saudi Foreign Minister Prince Faisal bin "
     "Farhan about the situation in Sudan, State Department spokesperson said.",
     ["call SAU,USA @- 2025-11-03 occurred"]),
    ("en-hosted-white-house", "en", PUB,
     "President Donald Trump hosted Hungarian Prime Minister Viktor Orban at the White House on Friday, "
     "praising him as a strong leader.",
     ["meeting HUN,USA @USA 2025-10-31 occurred", "?visit HUN>USA @USA 2025-10-31 occurred"]),
    ("en-two-stop-tour", "en", PUB,
     "BEIJING - Chinese Foreign Minister Wang Yi will visit Egypt and Tunisia from November 10 to 13, a "
     "foreign ministry spokeswoman told a regular news briefing on Tuesday.",
     ["visit CHN>EGY @EGY 2025-11-10 planned", "visit CHN>TUN @TUN - planned"]),   # the day starts the tour
    ("en-eu-egypt-signed", "en", PUB,
     "European Commission President Ursula von der Leyen and Egyptian President Abdel Fattah al-Sisi signed "
     "a strategic partnership agreement in Cairo on Sunday.",
     ["agreement EGY,EU @EGY 2025-11-02 occurred", "?visit EU>EGY @EGY 2025-11-02 occurred"]),
    ("en-round-of-talks", "en", PUB,
     "ISTANBUL - Pakistan and Afghanistan began a third round of talks in Istanbul on Monday aimed at "
     "consolidating a fragile ceasefire, Turkish officials said.",
     ["negotiation AFG,PAK @TUR 2025-11-03 occurred"]),
    ("en-recalled-year", "en", PUB,
     "Chinese exports to the United States fell sharply in October. Biden and Xi had met in Woodside, "
     "California, in November 2023, agreeing to resume military communications.",
     ["?meeting CHN,USA @USA - occurred"]),
    ("en-negated", "en", PUB,
     "Iran's foreign ministry said on Tuesday that no meeting with U.S. officials was planned and that Tehran "
     "would not negotiate under pressure.",
     []),
    ("en-readalso", "en", PUB,
     "Oil prices rose on Tuesday as traders weighed supply disruptions and a weaker dollar, with Brent crude "
     "futures climbing 1.2 percent to settle near their highest level in three weeks, analysts said.\n"
     "Read more:\nIndian PM Modi arrives in Tokyo for annual summit\nEgypt, Qatar sign investment deal",
     []),

    ("fr-elysee", "fr", PUB,
     "Emmanuel Macron a reçu mardi à l'Élysée le président sénégalais Bassirou Diomaye Faye pour un "
     "entretien consacré à la coopération économique et sécuritaire.",
     ["meeting FRA,SEN @FRA 2025-11-04 occurred", "?visit SEN>FRA @FRA 2025-11-04 occurred"]),
    ("fr-planned", "fr", PUB,
     "Le ministre des Affaires étrangères Jean-Noël Barrot se rendra la semaine prochaine en Algérie, a "
     "annoncé mardi le Quai d'Orsay.",
     ["visit FRA>DZA @DZA - planned"]),
    ("fr-stats", "fr", PUB,
     "Les exportations françaises vers la Chine ont reculé de 5 % au troisième trimestre, selon les douanes, "
     "tandis que les importations en provenance des États-Unis ont progressé.",
     []),

    ("ru-erdogan-aliyev", "ru", PUB,
     "Президент Турции Реджеп Тайип Эрдоган встретился в понедельник в Баку с президентом Азербайджана "
     "Ильхамом Алиевым.",
     ["meeting AZE,TUR @AZE 2025-11-03 occurred", "?visit TUR>AZE @AZE 2025-11-03 occurred"]),
    ("ru-sisi-received", "ru", PUB,
     "Президент Египта Абдель Фаттах ас-Сиси принял во вторник в Каире короля Иордании Абдаллу II. Стороны "
     "обсудили ситуацию в секторе Газа.",
     ["meeting EGY,JOR @EGY 2025-11-04 occurred", "?visit JOR>EGY @EGY 2025-11-04 occurred"]),
    ("ru-agreement", "ru", PUB,
     "Саудовская Аравия и Пакистан подписали в Эр-Рияде соглашение о взаимной обороне, сообщило саудовское "
     "агентство SPA во вторник.",
     ["agreement PAK,SAU @SAU 2025-11-04 occurred"]),
    ("ru-sport", "ru", PUB,
     "Сборная Ирана встретится со сборной Японии в финале Кубка Азии в четверг в Дохе.",
     []),

    ("fa-arrived", "fa", PUB,
     "سید عباس عراقچی وزیر امور خارجه کشورمان صبح امروز سه شنبه وارد دوحه شد. وی در این سفر با مقامات قطری "
     "دیدار خواهد کرد.",
     ["visit IRN>QAT @QAT 2025-11-04 occurred", "?meeting IRN,QAT @QAT - planned"]),
    ("fa-planned-trip", "fa", PUB,
     "به گزارش خبرگزاری ایرنا، رئیس جمهور کشورمان هفته آینده برای سفری دو روزه به ارمنستان خواهد رفت. "
     "سخنگوی وزارت امور خارجه این خبر را تایید کرد.",
     ["visit IRN>ARM @ARM - planned"]),
    ("fa-mou", "fa", PUB,
     "ایران و عراق روز دوشنبه در بغداد یک تفاهم نامه امنیتی امضا کردند.",
     ["agreement IRN,IRQ @IRQ 2025-11-03 occurred"]),

    ("ur-call", "ur", PUB,
     "نائب وزیر اعظم و وزیر خارجہ اسحاق ڈار نے پیر کو چینی ہم منصب وانگ ای سے ٹیلی فون پر بات کی اور "
     "دوطرفہ تعلقات پر تبادلہ خیال کیا۔",
     ["call CHN,PAK @- 2025-11-03 occurred"]),
    ("ur-arrived", "ur", PUB,
     "صدر آصف علی زرداری چین کے سرکاری دورے پر منگل کو بیجنگ پہنچ گئے جہاں وہ چینی قیادت سے ملاقاتیں کریں گے۔",
     ["visit PAK>CHN @CHN 2025-11-04 occurred", "?meeting CHN,PAK @CHN - planned"]),

    ("it-call-fm", "it", PUB,
     "Il ministro degli Esteri Antonio Tajani ha avuto lunedì un colloquio telefonico con l'omologo iraniano "
     "Abbas Araghchi sul programma nucleare di Teheran.",
     ["call IRN,ITA @- 2025-11-03 occurred"]),
    ("it-quirinale", "it", PUB,
     "Il presidente della Repubblica Sergio Mattarella ha ricevuto martedì al Quirinale il re di Giordania "
     "Abdullah II.",
     ["meeting ITA,JOR @ITA 2025-11-04 occurred", "?visit JOR>ITA @ITA 2025-11-04 occurred"]),
    ("it-planned", "it", PUB,
     "La premier Giorgia Meloni sarà in visita a Washington la prossima settimana per incontrare il presidente "
     "americano alla Casa Bianca.",
     ["visit ITA>USA @USA - planned", "?meeting ITA,USA @USA - planned"]),
    ("it-agreement", "it", PUB,
     "Italia e Albania hanno firmato lunedì a Tirana un memorandum d'intesa sulla cooperazione energetica.",
     ["agreement ALB,ITA @ALB 2025-11-03 occurred"]),
    ("it-opinion", "it", PUB,
     "L'Europa dovrebbe parlare con una sola voce con Pechino: un vertice con la Cina servirebbe solo se "
     "preparato con cura, scrive l'editorialista.",
     []),
    # ------------------------------------------------------------------ batch 3
    ("ar-visiting-country", "ar", PUB,
     "أبوظبي - وام\nاستقبل صاحب السمو الشيخ محمد بن زايد آل نهيان رئيس الدولة اليوم في قصر الشاطئ فخامة "
     "الرئيس الإندونيسي برابوو سوبيانتو الذي يزور البلاد حاليا، وبحث الجانبان علاقات التعاون.",
     ["visit IDN>ARE @ARE 2025-11-04 occurred", "?meeting ARE,IDN @ARE 2025-11-04 occurred"]),
    ("ar-sidelines-third", "ar", PUB,
     "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأمريكي ماركو روبيو، يوم الاثنين، على هامش أعمال "
     "مؤتمر الأمن في العاصمة البحرينية المنامة، وتناول اللقاء تطورات الأوضاع في السودان.",
     ["meeting EGY,USA @BHR 2025-11-03 occurred"]),
    ("ar-official-visit-to", "ar", PUB,
     "يقوم رئيس الوزراء الباكستاني شهباز شريف بزيارة رسمية إلى المملكة العربية السعودية تبدأ غدا الأربعاء "
     "وتستمر ثلاثة أيام، بحسب بيان لمكتبه.",
     ["visit PAK>SAU @SAU 2025-11-05 planned"]),
    ("ar-next-sunday", "ar", PUB,
     "أعلنت الرئاسة الجزائرية أن الرئيس عبد المجيد تبون سيستقبل الأحد المقبل رئيس الوزراء الإيطالي، في "
     "إطار اجتماع حكومي رفيع المستوى بين البلدين يعقد في الجزائر العاصمة.",
     ["meeting DZA,ITA @DZA 2025-11-09 planned", "?visit ITA>DZA @DZA 2025-11-09 planned"]),
    ("ar-aramco-company", "ar", PUB,
     "وقعت شركة أرامكو السعودية اتفاقية مع شركة سينوبك الصينية لتطوير مصفاة جديدة في مقاطعة فوجيان، "
     "وفق بيان للشركة نشر اليوم.",
     []),
    ("ar-nuclear-topic", "ar", PUB,
     "قالت الوكالة الدولية للطاقة الذرية في تقريرها الفصلي إن مخزون إيران من اليورانيوم المخصب ارتفع، "
     "مشيرة إلى أن الاتفاق النووي الموقع عام 2015 لم يعد يقيد أنشطة طهران.",
     []),
    ("ar-league-football", "ar", PUB,
     "يستضيف الهلال نظيره النصر مساء الجمعة على ملعب المملكة أرينا في الرياض ضمن الجولة العاشرة من "
     "دوري روشن السعودي للمحترفين.",
     []),

    ("en-possessive-received", "en", PUB,
     "CAIRO (AP) - Egypt's President Abdel Fattah el-Sisi received Jordan's King Abdullah II in Cairo on "
     "Sunday, with the two leaders rejecting any displacement of Palestinians from Gaza.",
     ["meeting EGY,JOR @EGY 2025-11-02 occurred", "?visit JOR>EGY @EGY 2025-11-02 occurred"]),
    ("en-headline-call", "en", PUB,
     "Sisi, Erdogan discuss Gaza truce in phone call\n"
     "Egyptian President Abdel Fattah el-Sisi and Turkish President Recep Tayyip Erdogan discussed the Gaza "
     "ceasefire in a phone call on Monday, the Egyptian presidency said.",
     ["call EGY,TUR @- 2025-11-03 occurred"]),
    ("en-tour", "en", PUB,
     "Indian Prime Minister Narendra Modi will embark on a visit to Ghana and Namibia next week, the "
     "Ministry of External Affairs said on Tuesday.",
     ["visit IND>GHA @GHA - planned", "visit IND>NAM @NAM - planned"]),
    ("en-geneva-talks", "en", PUB,
     "MUSCAT - Iranian and U.S. negotiators held a new round of indirect nuclear talks in Muscat on Monday, "
     "diplomats said, with little sign of a breakthrough.",
     ["negotiation IRN,USA @OMN 2025-11-03 occurred"]),
    ("en-company-deal", "en", PUB,
     "Saudi Aramco signed an agreement with China's Sinopec on Monday to expand a refinery in Fujian "
     "province, the company said in a statement.",
     []),
    ("en-sidelines", "en", PUB,
     "South African President Cyril Ramaphosa met Brazilian President Luiz Inacio Lula da Silva on the "
     "sidelines of the BRICS summit in Rio de Janeiro on Sunday.",
     ["meeting BRA,ZAF @BRA 2025-11-02 occurred", "?meeting BRICS,ZAF @BRA - occurred"]),

    ("fr-audience", "fr", PUB,
     "Le roi Mohammed VI a reçu lundi au palais royal de Rabat le président mauritanien Mohamed Ould Ghazouani, "
     "en visite officielle au Maroc.",
     ["visit MRT>MAR @MAR 2025-11-03 occurred", "?meeting MAR,MRT @MAR 2025-11-03 occurred"]),
    ("fr-state-visit-headline", "fr", PUB,
     "Visite d'État du président Tebboune en Italie\nLe président algérien Abdelmadjid Tebboune est arrivé "
     "dimanche à Rome pour une visite d'État de trois jours, a annoncé la présidence algérienne.",
     ["visit DZA>ITA @ITA 2025-11-02 occurred"]),
    ("fr-opinion", "fr", PUB,
     "Tribune. Paris devrait cesser de courtiser Pékin : toute visite présidentielle en Chine doit être "
     "conditionnée à des engagements clairs, estime l'auteur.",
     []),

    ("ru-planned-talks", "ru", PUB,
     "Председатель КНР Си Цзиньпин проведет в среду переговоры с президентом Бразилии Лулой да Силвой, "
     "сообщил МИД Китая.",
     ["meeting BRA,CHN @- 2025-11-05 planned"]),
    ("ru-visit-arrived-gulf", "ru", PUB,
     "Президент Ирана Масуд Пезешкиан прибыл в Доху с официальным визитом, сообщает агентство IRNA. В ходе "
     "визита он встретится с эмиром Катара.",
     ["visit IRN>QAT @QAT 2025-11-04 occurred", "?meeting IRN,QAT @QAT - planned"]),

    ("fa-counterpart-riyadh", "fa", PUB,
     "عراقچی روز دوشنبه در ریاض با فیصل بن فرحان همتای سعودی خود دیدار و درباره تحولات منطقه گفتگو کرد.",
     ["meeting IRN,SAU @SAU 2025-11-03 occurred", "?visit IRN>SAU @SAU 2025-11-03 occurred"]),
    ("fa-phone-erdogan", "fa", PUB,
     "رئیس جمهور کشورمان روز سه شنبه در گفتگوی تلفنی با رجب طیب اردوغان رئیس جمهور ترکیه درباره تحولات "
     "سوریه و غزه رایزنی کرد.",
     ["call IRN,TUR @- 2025-11-04 occurred"]),

    ("ur-phone-turkish", "ur", PUB,
     "وزیراعظم شہباز شریف اور ترک صدر رجب طیب اردوان کے درمیان منگل کو ٹیلیفونک رابطہ ہوا جس میں خطے کی "
     "صورتحال پر گفتگو کی گئی۔",
     ["call PAK,TUR @- 2025-11-04 occurred"]),
    ("ur-visit-planned", "ur", PUB,
     "ایرانی صدر مسعود پزشکیان آئندہ ہفتے پاکستان کا دو روزہ سرکاری دورہ کریں گے، دفتر خارجہ کی ترجمان نے "
     "ہفتہ وار بریفنگ میں بتایا۔",
     ["visit IRN>PAK @PAK - planned"]),

    ("it-state-visit", "it", PUB,
     "Il presidente della Repubblica Sergio Mattarella è arrivato lunedì a Tokyo per una visita di Stato in "
     "Giappone, la prima di un capo di Stato italiano dal 2019.",
     ["visit ITA>JPN @JPN 2025-11-03 occurred"]),
    ("it-margins", "it", PUB,
     "Bilaterale lunedì tra Giorgia Meloni e il primo ministro indiano Narendra Modi a margine del G20 di "
     "Johannesburg.",
     ["meeting IND,ITA @ZAF 2025-11-03 occurred"]),
    ("it-sport", "it", PUB,
     "L'Italia affronterà la Norvegia giovedì a San Siro nella sfida decisiva per la qualificazione ai "
     "Mondiali, con il ct che ha convocato 26 giocatori.",
     []),
    # ------------------------------------------------------------------ batch 4
    ("ar-no-published", "ar", None,
     "وقعت المملكة العربية السعودية ودولة الكويت في 12 أكتوبر 2025 اتفاقية لتقاسم إنتاج المنطقة المقسومة، "
     "خلال اجتماع وزاري عقد في مدينة الكويت.",
     ["agreement KWT,SAU @KWT 2025-10-12 occurred"]),
    ("ar-gulf-tour", "ar", PUB,
     "يبدأ الرئيس الفرنسي إيمانويل ماكرون غدا جولة خليجية تشمل الإمارات وقطر والسعودية، يبحث خلالها "
     "ملفات الطاقة والأمن الإقليمي.",
     ["visit FRA>ARE @ARE 2025-11-05 planned", "visit FRA>QAT @QAT - planned",
      "visit FRA>SAU @SAU - planned"]),
    ("ar-condolence-cable", "ar", PUB,
     "بعث أمير دولة الكويت الشيخ مشعل الأحمد الجابر الصباح برقية تعزية إلى الرئيس التركي رجب طيب أردوغان "
     "في ضحايا حادث تحطم الطائرة العسكرية.",
     []),
    ("ar-statement-only", "ar", PUB,
     "أكد وزير الخارجية الإماراتي الشيخ عبدالله بن زايد آل نهيان أهمية العلاقات الاستراتيجية مع الصين، "
     "مشيدا بما حققته من تطور في مختلف المجالات.",
     []),

    ("en-title-field", "en", PUB,
     "EU foreign policy chief Kaja Kallas will travel to Cairo on Thursday for talks with Egyptian officials "
     "on Gaza and migration, her spokesperson said.",
     ["visit EU>EGY @EGY 2025-11-06 planned", "?meeting EGY,EU @EGY 2025-11-06 planned"]),
    ("en-vance-arrives", "en", PUB,
     "U.S. Vice President JD Vance arrived in Israel on Tuesday, the latest senior American official to "
     "visit as Washington tries to shore up the Gaza ceasefire.",
     ["visit USA>ISR @ISR 2025-11-04 occurred"]),
    ("en-deals-signed", "en", PUB,
     "DOHA - Qatar's emir Sheikh Tamim bin Hamad Al Thani and U.S. President Donald Trump signed a series "
     "of agreements in Doha on Monday, including a defence cooperation pact.",
     ["agreement QAT,USA @QAT 2025-11-03 occurred", "?visit USA>QAT @QAT 2025-11-03 occurred"]),
    ("en-recalled-deal", "en", PUB,
     "Bilateral trade between India and the UAE reached $100 billion this year. The two countries signed a "
     "comprehensive economic partnership agreement in 2022.",
     ["?agreement ARE,IND @- - occurred"]),

    ("fr-will-talk", "fr", PUB,
     "Le président Emmanuel Macron s'entretiendra jeudi à l'Élysée avec le président chinois Xi Jinping, a "
     "annoncé la présidence française.",
     ["meeting CHN,FRA @FRA 2025-11-06 planned", "?visit CHN>FRA @FRA 2025-11-06 planned"]),
    ("fr-phone-counterpart", "fr", PUB,
     "Le ministre égyptien des Affaires étrangères Badr Abdelatty a eu lundi un entretien téléphonique avec "
     "son homologue turc Hakan Fidan au sujet de la situation à Gaza.",
     ["call EGY,TUR @- 2025-11-03 occurred"]),
    ("fr-sport", "fr", PUB,
     "La France rencontre le Maroc mercredi en demi-finale de la Coupe du monde au stade Al-Bayt, à Doha.",
     []),

    ("ru-phone-rubio", "ru", PUB,
     "Глава МИД Турции Хакан Фидан провел в понедельник телефонный разговор с госсекретарем США Марко Рубио, "
     "сообщили в турецком внешнеполитическом ведомстве.",
     ["call TUR,USA @- 2025-11-03 occurred"]),
    ("ru-planned-visit", "ru", PUB,
     "Премьер-министр Пакистана Шахбаз Шариф посетит Саудовскую Аравию на следующей неделе, сообщили в его "
     "канцелярии.",
     ["visit PAK>SAU @SAU - planned"]),
    ("ru-trade", "ru", PUB,
     "Товарооборот между Ираном и Турцией по итогам девяти месяцев вырос на 7 процентов и превысил 10 млрд "
     "долларов, сообщила таможенная служба.",
     []),

    ("fa-oman-fm-trip", "fa", PUB,
     "بدر البوسعیدی وزیر امور خارجه عمان که برای سفری رسمی به تهران آمده است، روز سه شنبه با رئیس جمهور "
     "کشورمان دیدار کرد.",
     ["visit OMN>IRN @IRN 2025-11-04 occurred", "?meeting IRN,OMN @IRN 2025-11-04 occurred"]),

    ("ur-saudi-arrives", "ur", PUB,
     "سعودی وزیر خارجہ شہزادہ فیصل بن فرحان منگل کو دو روزہ دورے پر اسلام آباد پہنچ گئے۔",
     ["visit SAU>PAK @PAK 2025-11-04 occurred"]),

    ("it-farnesina", "it", PUB,
     "Il ministro degli Esteri Antonio Tajani ha incontrato lunedì alla Farnesina il ministro degli Esteri "
     "saudita Faisal bin Farhan.",
     ["meeting ITA,SAU @ITA 2025-11-03 occurred", "?visit SAU>ITA @ITA 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 5: longer agency-style copy
    ("ar-spa-long", "ar", PUB,
     "الرياض 13 جمادى الأولى 1447 هـ الموافق 04 نوفمبر 2025 م واس\n"
     "استقبل صاحب السمو الملكي الأمير فيصل بن فرحان بن عبدالله وزير الخارجية، في الرياض اليوم، وزير "
     "الخارجية والتعاون الدولي بجمهورية جنوب السودان.\n"
     "وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين، وسبل تعزيزها في مختلف المجالات، إضافة إلى "
     "مناقشة المستجدات الإقليمية والدولية والجهود المبذولة بشأنها.\n"
     "حضر الاستقبال وكيل الوزارة للشؤون الدولية المتعددة الدكتور عبدالرحمن الرسي.\n"
     "شارك الخبر\nطباعة",
     ["meeting SAU,SSD @SAU 2025-11-04 occurred", "?visit SSD>SAU @SAU 2025-11-04 occurred"]),
    ("en-reuters-long", "en", PUB,
     "ANKARA, Nov 4 (Reuters) - Turkish President Tayyip Erdogan will host his Syrian counterpart Ahmed "
     "al-Sharaa in Ankara next week, a Turkish official said on Tuesday, as the two countries deepen "
     "security ties.\n"
     "The two leaders last met in Istanbul in May, when they discussed the return of refugees.\n"
     "Erdogan also spoke by phone with Russian President Vladimir Putin on Monday about the war in Ukraine, "
     "the Turkish presidency said in a statement.\n"
     "(Reporting by Ece Toksabay; Editing by Daren Butler)",
     ["meeting SYR,TUR @TUR - planned", "?visit SYR>TUR @TUR - planned",
      "call RUS,TUR @- 2025-11-03 occurred", "?meeting SYR,TUR @TUR - occurred"]),
    ("fr-aps-long", "fr", PUB,
     "Alger – Le président de la République, M. Abdelmadjid Tebboune, a reçu mardi au siège de la présidence "
     "de la République le ministre des Affaires étrangères de la République de Slovénie, Mme Tanja Fajon, en "
     "visite de travail en Algérie.\n"
     "L'audience s'est déroulée en présence du ministre d'État, ministre des Affaires étrangères, Ahmed "
     "Attaf, et du directeur de cabinet à la présidence de la République.",
     ["visit SVN>DZA @DZA 2025-11-04 occurred", "?meeting DZA,SVN @DZA 2025-11-04 occurred"]),
    ("ru-tass-long", "ru", PUB,
     "ДОХА, 4 ноября. /ТАСС/. Эмир Катара шейх Тамим бен Хамад Аль Тани провел во вторник в Дохе переговоры "
     "с президентом Сирии Ахмедом аш-Шараа. Об этом сообщило катарское информационное агентство QNA.\n"
     "По данным агентства, стороны обсудили восстановление Сирии и поддержку ее экономики.",
     ["meeting QAT,SYR @QAT 2025-11-04 occurred", "?visit SYR>QAT @QAT 2025-11-04 occurred"]),
    ("ur-met-with", "ur", PUB,
     "اسلام آباد: وزیراعظم شہباز شریف سے ازبکستان کے وزیر خارجہ بختیار سعیدوف نے منگل کو وزیراعظم ہاؤس میں "
     "ملاقات کی۔ ملاقات میں دوطرفہ تجارت اور علاقائی رابطوں کے منصوبوں پر تبادلہ خیال کیا گیا۔",
     ["meeting PAK,UZB @PAK 2025-11-04 occurred", "?visit UZB>PAK @PAK 2025-11-04 occurred"]),
    ("it-ansa-long", "it", PUB,
     "ROMA, 04 NOV - La presidente del Consiglio Giorgia Meloni ha avuto oggi un colloquio telefonico con il "
     "presidente ucraino Volodymyr Zelensky. Al centro della conversazione il sostegno alla ricostruzione "
     "e la conferenza prevista a Roma.\n"
     "RIPRODUZIONE RISERVATA © Copyright ANSA",
     ["call ITA,UKR @- 2025-11-04 occurred"]),
    ("fa-irna-long", "fa", PUB,
     "به گزارش خبرگزاری جمهوری اسلامی (ایرنا)، سید عباس عراقچی که برای شرکت در نشست وزیران خارجه سازمان "
     "همکاری اسلامی به استانبول سفر کرده است، روز دوشنبه در حاشیه این نشست با هاکان فیدان وزیر امور خارجه "
     "ترکیه دیدار و گفتگو کرد.\nدو طرف در این دیدار درباره تحولات غزه و سوریه تبادل نظر کردند.",
     ["visit IRN>TUR @TUR 2025-11-03 occurred", "?meeting IRN,TUR @TUR 2025-11-03 occurred",
      "?meeting IRN,OIC @TUR - occurred"]),
    # ------------------------------------------------------------------ batch 6: titles and future forms
    ("fa-future-trip", "fa", PUB,
     "وزیر امور خارجه کشورمان فردا برای دیدار با مقامات چینی به پکن سفر خواهد کرد.",
     ["visit IRN>CHN @CHN 2025-11-05 planned", "?meeting CHN,IRN @CHN 2025-11-05 planned"]),
    ("fa-cooperation-document", "fa", PUB,
     "در جریان سفر نخست وزیر عراق به تهران، ایران و عراق روز دوشنبه سند همکاری در حوزه انرژی امضا کردند.",
     ["agreement IRN,IRQ @IRN 2025-11-03 occurred", "?visit IRQ>IRN @IRN 2025-11-03 occurred"]),
    ("fa-crown-prince", "fa", PUB,
     "محمد بن سلمان ولیعهد عربستان روز دوشنبه در ریاض با علی لاریجانی دبیر شورای عالی امنیت ملی ایران "
     "دیدار کرد.",
     ["meeting IRN,SAU @SAU 2025-11-03 occurred", "?visit IRN>SAU @SAU 2025-11-03 occurred"]),
    ("ur-army-chief", "ur", PUB,
     "فیلڈ مارشل عاصم منیر نے منگل کو راولپنڈی میں ترک وزیر دفاع یشار گولر سے ملاقات کی۔",
     ["meeting PAK,TUR @PAK 2025-11-04 occurred", "?visit TUR>PAK @PAK 2025-11-04 occurred"]),
    ("it-emir", "it", PUB,
     "La premier Giorgia Meloni ha incontrato lunedì a Doha l'emiro del Qatar Tamim bin Hamad al Thani, "
     "nel corso di una missione nel Golfo.",
     ["visit ITA>QAT @QAT 2025-11-03 occurred", "?meeting ITA,QAT @QAT 2025-11-03 occurred"]),
    ("it-secretary-of-state", "it", PUB,
     "Il ministro degli Esteri Antonio Tajani ha avuto un colloquio telefonico con il segretario di Stato "
     "americano Marco Rubio, lunedì sera.",
     ["call ITA,USA @- 2025-11-03 occurred"]),
    ("fr-chef-etat", "fr", PUB,
     "Le chef de l'État sénégalais Bassirou Diomaye Faye se rend mercredi à Abidjan pour une visite de "
     "travail, selon un communiqué de la présidence.",
     ["visit SEN>CIV @CIV 2025-11-05 planned"]),
    ("fr-secretaire-etat", "fr", PUB,
     "Le secrétaire d'État américain Marco Rubio sera reçu jeudi à Rabat par le ministre marocain des "
     "Affaires étrangères Nasser Bourita.",
     ["meeting MAR,USA @MAR 2025-11-06 planned", "?visit USA>MAR @MAR 2025-11-06 planned"]),
    ("ru-future-arrival", "ru", PUB,
     "Госсекретарь США Марко Рубио прибудет в Израиль в четверг, сообщил Государственный департамент.",
     ["visit USA>ISR @ISR 2025-11-06 planned"]),
    ("ru-chancellor", "ru", PUB,
     "Канцлер Германии Фридрих Мерц провел в понедельник в Берлине переговоры с премьер-министром Индии "
     "Нарендрой Моди.",
     ["meeting DEU,IND @DEU 2025-11-03 occurred", "?visit IND>DEU @DEU 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 7: organisations, rounds, postpositions
    ("ar-un-chief-arrives", "ar", PUB,
     "وصل الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى بيروت اليوم الثلاثاء في زيارة يلتقي خلالها كبار "
     "المسؤولين اللبنانيين.",
     ["visit UN>LBN @LBN 2025-11-04 occurred"]),
    ("ar-consultations-round", "ar", PUB,
     "عقدت في القاهرة يوم الاثنين جولة مشاورات سياسية بين مصر واليونان برئاسة مساعدي وزيري الخارجية في "
     "البلدين.",
     ["meeting EGY,GRC @EGY 2025-11-03 occurred"]),
    ("en-iaea-arrives", "en", PUB,
     "IAEA Director General Rafael Grossi arrived in Tehran on Tuesday for talks on resuming inspections, "
     "Iranian state media reported.",
     ["visit IAEA>IRN @IRN 2025-11-04 occurred"]),
    ("en-amman", "en", PUB,
     "The foreign ministers of Egypt and Jordan met in Amman on Monday to coordinate positions on Gaza.",
     ["meeting EGY,JOR @JOR 2025-11-03 occurred"]),
    ("fr-au-commission", "fr", PUB,
     "Le roi du Maroc a reçu mardi à Rabat le président de la Commission de l'Union africaine, Mahmoud Ali "
     "Youssouf.",
     ["meeting AU,MAR @MAR 2025-11-04 occurred", "?visit AU>MAR @MAR 2025-11-04 occurred"]),
    ("fr-received-call", "fr", PUB,
     "Le président Abdelmadjid Tebboune a reçu lundi un appel téléphonique du président tunisien Kaïs Saïed.",
     ["call DZA,TUN @- 2025-11-03 occurred"]),
    ("fr-expected", "fr", PUB,
     "Le chef de la diplomatie saoudienne, le prince Fayçal ben Farhane, est attendu jeudi à Paris.",
     ["visit SAU>FRA @FRA 2025-11-06 planned"]),
    ("fr-rounds-resume", "fr", PUB,
     "Les négociations entre l'Iran et les États-Unis reprendront samedi à Mascate, a annoncé Oman.",
     ["negotiation IRN,USA @OMN 2025-11-08 planned"]),
    ("fa-round", "fa", PUB,
     "دور جدید مذاکرات غیرمستقیم ایران و آمریکا روز شنبه در مسقط برگزار شد.",
     ["negotiation IRN,USA @OMN 2025-11-01 occurred"]),
    ("ur-round", "ur", PUB,
     "پاکستان اور افغانستان کے درمیان مذاکرات کا نیا دور پیر کو استنبول میں شروع ہوگیا۔",
     ["negotiation AFG,PAK @TUR 2025-11-03 occurred"]),
    ("ur-talks-washington", "ur", PUB,
     "امریکی وزیر خارجہ مارکو روبیو اور پاکستانی وزیر خارجہ اسحاق ڈار کے درمیان پیر کو واشنگٹن میں مذاکرات "
     "ہوئے۔",
     ["meeting PAK,USA @USA 2025-11-03 occurred", "?visit PAK>USA @USA - occurred"]),
    # ------------------------------------------------------------------ batch 8: teasers and background in other languages
    ("it-readalso", "it", PUB,
     "La Borsa di Milano ha chiuso in rialzo dell'1,2 per cento, trainata dai titoli bancari e dal settore "
     "energetico, mentre lo spread tra Btp e Bund è sceso sotto i 90 punti base per la prima volta dall'estate.\n"
     "Leggi anche\nMeloni vola a Washington per incontrare Trump\nTajani in visita al Cairo",
     []),
    ("fa-readalso", "fa", PUB,
     "بانک مرکزی اعلام کرد نرخ تورم نقطه به نقطه در مهر ماه کاهش یافته است و پیش بینی می شود این روند در "
     "ماه های آینده نیز ادامه پیدا کند. کارشناسان اقتصادی این کاهش را ناشی از ثبات نسبی بازار ارز می دانند.\n"
     "بیشتر بخوانید\nدیدار عراقچی با همتای عمانی در مسقط",
     []),
    ("ur-readalso", "ur", PUB,
     "اسٹیٹ بینک آف پاکستان نے شرح سود میں کوئی تبدیلی نہ کرنے کا اعلان کیا ہے اور کہا ہے کہ مہنگائی کی "
     "شرح میں مسلسل کمی آ رہی ہے جبکہ زرمبادلہ کے ذخائر میں بھی اضافہ ہوا ہے، جس سے معیشت مستحکم ہو رہی ہے۔\n"
     "یہ بھی پڑھیں\nوزیراعظم شہباز شریف کی سعودی ولی عہد سے ملاقات",
     []),
    ("en-background-recall", "en", PUB,
     "Egyptian President Abdel Fattah el-Sisi received Spanish Prime Minister Pedro Sanchez in Cairo on "
     "Monday. Sanchez last visited Egypt in 2023, when the two countries signed a strategic partnership.",
     ["meeting EGY,ESP @EGY 2025-11-03 occurred", "?visit ESP>EGY @EGY - occurred",
      "?agreement EGY,ESP @EGY - occurred"]),
    ("ar-background-recall", "ar", PUB,
     "استقبل الرئيس التونسي قيس سعيد اليوم الثلاثاء بقصر قرطاج وزير الخارجية الجزائري أحمد عطاف. وكان عطاف قد "
     "زار تونس في مارس الماضي حيث التقى نظيره التونسي.",
     ["meeting DZA,TUN @TUN 2025-11-04 occurred", "?visit DZA>TUN @TUN - occurred",
      "?meeting DZA,TUN @TUN - occurred"]),
    # ------------------------------------------------------------------ batch 9: explicit dates, verb-final futures
    ("ur-dated-future", "ur", PUB,
     "وزیراعظم شہباز شریف 10 نومبر کو چین کا دورہ کریں گے جہاں وہ چینی صدر سے ملاقات کریں گے۔",
     ["visit PAK>CHN @CHN 2025-11-10 planned", "?meeting CHN,PAK @CHN 2025-11-10 planned"]),
    ("fa-solar-date", "fa", PUB,
     "رئیس جمهور کشورمان ۱۹ آبان به چین سفر خواهد کرد.",
     ["visit IRN>CHN @CHN 2025-11-10 planned"]),
    ("fa-future-talk", "fa", PUB,
     "رئیس جمهور کشورمان فردا در تماس تلفنی با رئیس جمهور ترکیه گفتگو خواهد کرد.",
     ["call IRN,TUR @- 2025-11-05 planned"]),
    ("fr-date-range", "fr", PUB,
     "Le président sénégalais effectuera une visite officielle en Chine du 10 au 12 novembre, a annoncé "
     "la présidence.",
     ["visit SEN>CHN @CHN 2025-11-10 planned"]),
    ("it-date-range", "it", PUB,
     "Il presidente Sergio Mattarella sarà in visita ufficiale in Cina dal 10 al 12 novembre.",
     ["visit ITA>CHN @CHN 2025-11-10 planned"]),
    ("ru-dated", "ru", PUB,
     "Президент Египта Абдель Фаттах ас-Сиси посетит Китай 10 ноября, сообщила пресс-служба.",
     ["visit EGY>CHN @CHN 2025-11-10 planned"]),
    # ------------------------------------------------------------------ batch 10: Arabic protocol phrasing
    ("ar-letter-reception", "ar", PUB,
     "تسلم الرئيس عبد الفتاح السيسي رسالة خطية من ملك البحرين، خلال استقباله اليوم الثلاثاء وزير الخارجية "
     "البحريني عبداللطيف الزياني بقصر الاتحادية.",
     ["meeting BHR,EGY @EGY 2025-11-04 occurred", "?visit BHR>EGY @EGY 2025-11-04 occurred"]),
    ("ar-witnessed-signing", "ar", PUB,
     "شهد الرئيس عبد الفتاح السيسي ونظيره الكيني وليام روتو اليوم الثلاثاء في القاهرة توقيع عدد من مذكرات "
     "التفاهم بين البلدين في مجالات الزراعة والري.",
     ["agreement EGY,KEN @EGY 2025-11-04 occurred", "?meeting EGY,KEN @EGY 2025-11-04 occurred",
      "?visit KEN>EGY @EGY 2025-11-04 occurred"]),
    ("ar-looking-forward", "ar", PUB,
     "أعرب وزير الخارجية العماني بدر البوسعيدي عن تطلع بلاده لزيارة الرئيس الإيراني مسعود بزشكيان إلى "
     "مسقط.",
     ["visit IRN>OMN @OMN - planned"]),
    ("ar-brother-call", "ar", PUB,
     "تلقى صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى اتصالا هاتفيا اليوم من أخيه صاحب السمو "
     "الشيخ محمد بن زايد آل نهيان رئيس دولة الإمارات العربية المتحدة.",
     ["call ARE,QAT @- 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 11: compound titles, delegations, ambassadors
    ("ar-compound-title", "ar", PUB,
     "استقبل نائب رئيس مجلس الوزراء وزير الخارجية الكويتي في الكويت اليوم نظيره الأردني أيمن الصفدي.",
     ["meeting JOR,KWT @KWT 2025-11-04 occurred", "?visit JOR>KWT @KWT 2025-11-04 occurred"]),
    ("ar-imf-delegation", "ar", PUB,
     "استقبل رئيس الجمهورية اللبنانية العماد جوزيف عون في قصر بعبدا اليوم وفدا من صندوق النقد الدولي برئاسة "
     "رئيس البعثة.",
     ["meeting IMF,LBN @LBN 2025-11-04 occurred", "?visit IMF>LBN @LBN 2025-11-04 occurred"]),
    ("ar-female-ambassador", "ar", PUB,
     "التقى رئيس مجلس النواب اللبناني نبيه بري اليوم في عين التينة السفيرة الأمريكية لدى لبنان.",
     ["meeting LBN,USA @LBN 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 12: "will be in", joint declarations
    ("it-will-be-in", "it", PUB,
     "Il ministro degli Esteri egiziano Badr Abdelatty sarà a Roma giovedì per incontrare Antonio Tajani.",
     ["visit EGY>ITA @ITA 2025-11-06 planned", "?meeting EGY,ITA @ITA 2025-11-06 planned"]),
    ("it-joint-declaration", "it", PUB,
     "La premier Giorgia Meloni e il primo ministro indiano Narendra Modi hanno firmato lunedì a Roma una "
     "dichiarazione congiunta sul partenariato strategico.",
     ["agreement IND,ITA @ITA 2025-11-03 occurred", "?meeting IND,ITA @ITA 2025-11-03 occurred"]),
    ("en-will-be-in", "en", PUB,
     "The Indian foreign minister will be in Moscow on Thursday for talks with his Russian counterpart, the "
     "ministry said.",
     ["visit IND>RUS @RUS 2025-11-06 planned", "?meeting IND,RUS @RUS 2025-11-06 planned"]),
    ("fr-sera-a", "fr", PUB,
     "Le ministre égyptien des Affaires étrangères sera à Paris jeudi pour rencontrer son homologue français.",
     ["visit EGY>FRA @FRA 2025-11-06 planned", "?meeting EGY,FRA @FRA 2025-11-06 planned"]),
    ("ru-eu-visit", "ru", PUB,
     "Глава дипломатии ЕС Кая Каллас посетила во вторник Каир, где обсудила ситуацию в секторе Газа.",
     ["visit EU>EGY @EGY 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 13: sport in fa/ur/it
    ("fa-sport", "fa", PUB,
     "تیم ملی فوتبال ایران روز پنجشنبه در دوحه با تیم ملی ژاپن دیدار می کند.",
     []),
    ("ur-sport", "ur", PUB,
     "پاکستان کرکٹ ٹیم جمعرات کو لاہور میں جنوبی افریقہ کے خلاف میچ کھیلے گی جبکہ بھارتی ٹیم سے ملاقات "
     "اگلے ماہ دبئی میں ہوگی۔",
     []),
    ("it-sport-match", "it", PUB,
     "L'Italia incontrerà la Norvegia nella partita decisiva di giovedì a Milano.",
     []),
    # ------------------------------------------------------------------ batch 14: cancelled trips, topics are not venues
    ("en-postponed", "en", PUB,
     "The Saudi crown prince postponed his planned visit to Tokyo, officials said on Tuesday, citing "
     "scheduling reasons.",
     []),
    ("ar-cancelled", "ar", PUB,
     "ألغى وزير الخارجية المصري زيارة كانت مقررة إلى أنقرة الأسبوع المقبل، دون توضيح الأسباب.",
     []),
    ("fr-postponed", "fr", PUB,
     "Le président algérien a reporté sa visite en France prévue la semaine prochaine, selon la présidence.",
     []),
    ("ar-topic-not-venue", "ar", PUB,
     "التقى وزير الخارجية المصري بدر عبد العاطي اليوم الثلاثاء نظيره السعودي من أجل بحث التطورات في "
     "قطاع غزة.",
     ["meeting EGY,SAU @- 2025-11-04 occurred"]),
    ("en-topic-not-venue", "en", PUB,
     "Turkish Foreign Minister Hakan Fidan met his Qatari counterpart on Monday to discuss the situation in "
     "Gaza, the ministry said.",
     ["meeting QAT,TUR @- 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 15: possessives and datelines
    ("en-possessive-hosted", "en", PUB,
     "ADDIS ABABA, Ethiopia (AP) — Ethiopia's prime minister hosted Somalia's president on Monday as the two "
     "neighbours sought to mend ties.",
     ["meeting ETH,SOM @ETH 2025-11-03 occurred", "?visit SOM>ETH @ETH 2025-11-03 occurred"]),
    ("en-xinhua-here", "en", PUB,
     "BEIJING, Nov. 4 (Xinhua) -- Chinese Vice Premier Ding Xuexiang met with Kazakh Prime Minister Olzhas "
     "Bektenov here on Tuesday. The two sides pledged to deepen cooperation.",
     ["meeting CHN,KAZ @CHN 2025-11-04 occurred", "?visit KAZ>CHN @CHN 2025-11-04 occurred"]),
    ("ar-mena-here", "ar", PUB,
     "القاهرة - أ ش أ: التقى وزير الخارجية المصري بدر عبد العاطي هنا اليوم نظيره الصيني وانغ يي.",
     ["meeting CHN,EGY @EGY 2025-11-04 occurred", "?visit CHN>EGY @EGY 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 16: Italian "nato" (born) is not NATO
    ("it-born-not-nato", "it", PUB,
     "Il nuovo ambasciatore, nato a Tunisi e cresciuto a Parigi, ha incontrato lunedì a Roma il ministro degli Esteri "
     "Antonio Tajani insieme al ministro degli Esteri tunisino.",
     ["meeting ITA,TUN @ITA 2025-11-03 occurred"]),
    ("it-nato-chief", "it", PUB,
     "Il segretario generale della Nato Mark Rutte è arrivato lunedì a Roma, dove incontrerà la premier "
     "Giorgia Meloni.",
     ["visit NATO>ITA @ITA 2025-11-03 occurred", "?meeting ITA,NATO @ITA - planned"]),
    # ------------------------------------------------------------------ batch 17: more ways to say "phone call"
    ("ar-received-call-long-subject", "ar", PUB,
     "تلقى الرئيس السوري أحمد الشرع اليوم الثلاثاء اتصالا من ولي العهد السعودي الأمير محمد بن سلمان.",
     ["call SAU,SYR @- 2025-11-04 occurred"]),
    ("ar-phoned", "ar", PUB,
     "هاتف رئيس دولة الإمارات الشيخ محمد بن زايد آل نهيان اليوم الثلاثاء الرئيس الأمريكي دونالد ترامب.",
     ["call ARE,USA @- 2025-11-04 occurred"]),
    ("ar-video-link", "ar", PUB,
     "عقد وزير الخارجية السعودي ونظيره الإيراني يوم الاثنين اجتماعا عبر تقنية الاتصال المرئي.",
     ["call IRN,SAU @- 2025-11-03 occurred"]),
    ("en-by-telephone", "en", PUB,
     "Qatar's emir spoke with Iran's president by telephone on Sunday about regional tensions, the Amiri "
     "Diwan said.",
     ["call IRN,QAT @- 2025-11-02 occurred"]),
    # ------------------------------------------------------------------ batch 18: Persian ZWNJ spellings
    ("fa-zwnj-call", "fa", PUB,
     "رئیس\u200cجمهور کشورمان روز دوشنبه در گفت\u200cوگوی تلفنی با نخست\u200cوزیر پاکستان درباره روابط دوجانبه "
     "گفت\u200cوگو کرد.",
     ["call IRN,PAK @- 2025-11-03 occurred"]),
    ("fa-zwnj-trip", "fa", PUB,
     "نخست\u200cوزیر عراق فردا برای دیدار با مقامات کشورمان به تهران سفر می\u200cکند.",
     ["visit IRQ>IRN @IRN 2025-11-05 planned", "?meeting IRN,IRQ @IRN 2025-11-05 planned"]),
    # ------------------------------------------------------------------ batch 19: Russian talks by phone
    ("ru-talks-by-phone", "ru", PUB,
     "Президент Турции Реджеп Тайип Эрдоган и президент Азербайджана Ильхам Алиев провели в понедельник "
     "переговоры по телефону.",
     ["call AZE,TUR @- 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 20: talks held by phone are calls
    ("ar-phone-talks", "ar", PUB,
     "أجرى وزير الخارجية السعودي الأمير فيصل بن فرحان يوم الاثنين مباحثات هاتفية مع نظيره البريطاني.",
     ["call GBR,SAU @- 2025-11-03 occurred"]),
    ("ar-talks-via-phone", "ar", PUB,
     "عقد الرئيس التركي رجب طيب أردوغان ونظيره الأذربيجاني إلهام علييف اليوم الثلاثاء مباحثات عبر الهاتف.",
     ["call AZE,TUR @- 2025-11-04 occurred"]),
    ("en-talks-by-phone", "en", PUB,
     "Egyptian President Abdel Fattah al-Sisi held talks by phone with U.S. President Donald Trump on "
     "Monday, his office said.",
     ["call EGY,USA @- 2025-11-03 occurred"]),
    ("it-phone-talks", "it", PUB,
     "La premier Giorgia Meloni e il primo ministro indiano Narendra Modi hanno avuto colloqui telefonici "
     "lunedì.",
     ["call IND,ITA @- 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 21: deals sealed, accords initialled
    ("en-sealed-deal", "en", PUB,
     "Egypt and Qatar sealed an investment deal worth $7.5 billion in Doha on Sunday, Egypt's cabinet said.",
     ["agreement EGY,QAT @QAT 2025-11-02 occurred"]),
    ("it-siglato", "it", PUB,
     "Italia e Arabia Saudita hanno siglato lunedì a Riad un accordo di cooperazione nel settore della difesa.",
     ["agreement ITA,SAU @SAU 2025-11-03 occurred"]),
    ("ar-signing-took-place", "ar", PUB,
     "جرى اليوم الثلاثاء في القاهرة التوقيع على اتفاقية للتعاون الاقتصادي بين مصر والمملكة العربية السعودية.",
     ["agreement EGY,SAU @EGY 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 22: "cancellation" as a topic is no cancellation
    ("ar-agreement-to-abolish", "ar", PUB,
     "وقعت مصر والسعودية اليوم الثلاثاء في الرياض اتفاقية لإلغاء الازدواج الضريبي بين البلدين.",
     ["agreement EGY,SAU @SAU 2025-11-04 occurred"]),
    ("ar-postponed-noun", "ar", PUB,
     "أعلنت الرئاسة الجزائرية تأجيل زيارة الرئيس عبد المجيد تبون إلى فرنسا إلى موعد لاحق.",
     []),
    # ------------------------------------------------------------------ batch 23: the subject of talks is not the host
    ("en-talks-on-topic-visit", "en", PUB,
     "Turkish President Recep Tayyip Erdogan arrived on Tuesday in Doha for talks with the emir on Gaza and "
     "energy cooperation.",
     ["visit TUR>QAT @QAT 2025-11-04 occurred", "?meeting QAT,TUR @QAT - occurred"]),
    ("ar-talks-about-topic", "ar", PUB,
     "وصل وزير الخارجية التركي هاكان فيدان اليوم الثلاثاء لإجراء محادثات مع المسؤولين القطريين بشأن غزة.",
     ["?visit TUR>QAT @QAT 2025-11-04 occurred", "?meeting QAT,TUR @- 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 24: Urdu verb-final travel, Pakistani seats
    ("ur-leaves-for", "ur", PUB,
     "نائب وزیراعظم و وزیر خارجہ اسحاق ڈار آج چین روانہ ہوں گے جہاں وہ چینی ہم منصب سے ملاقات کریں گے۔",
     # H3 (train notes): a trip that begins today is under way, also with a future verb
     ["visit PAK>CHN @CHN 2025-11-04 occurred", "?meeting CHN,PAK @CHN 2025-11-04 planned"]),
    ("ur-arrives-capital", "ur", PUB,
     "سعودی وزیر خارجہ شہزادہ فیصل بن فرحان منگل کو اسلام آباد پہنچ گئے۔",
     ["visit SAU>PAK @PAK 2025-11-04 occurred"]),
    ("ur-aiwan-e-sadr", "ur", PUB,
     "صدر مملکت آصف علی زرداری سے ایرانی سفیر نے منگل کو ایوان صدر میں ملاقات کی۔",
     ["meeting IRN,PAK @PAK 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 25: flying to
    ("it-flew", "it", PUB,
     "La premier Giorgia Meloni è volata lunedì a Washington per incontrare il presidente americano.",
     ["visit ITA>USA @USA 2025-11-03 occurred", "?meeting ITA,USA @USA - planned"]),
    ("fr-flew", "fr", PUB,
     "Le président Emmanuel Macron s'est envolé lundi pour Pékin, où il doit rencontrer son homologue chinois.",
     ["visit FRA>CHN @CHN 2025-11-03 occurred", "?meeting CHN,FRA @CHN - planned"]),
    ("ru-flew", "ru", PUB,
     "Министр иностранных дел Египта Бадр Абдель Ати вылетел в понедельник в Москву.",
     ["visit EGY>RUS @RUS 2025-11-03 occurred"]),
    ("ru-flew-from", "ru", PUB,
     "Министр иностранных дел Египта вылетел из Каира в понедельник вечером.",
     []),
    # ------------------------------------------------------------------ batch 26: Arabic present-tense headlines
    ("ar-headline-dual", "ar", PUB,
     "ولي العهد السعودي ورئيس الوزراء الهندي يبحثان تعزيز الشراكة الاستراتيجية\n"
     "بحث ولي العهد السعودي الأمير محمد بن سلمان مع رئيس الوزراء الهندي ناريندرا مودي اليوم الثلاثاء في "
     "الرياض سبل تعزيز الشراكة الاستراتيجية بين البلدين.",
     ["meeting IND,SAU @SAU 2025-11-04 occurred", "?visit IND>SAU @SAU 2025-11-04 occurred"]),
    ("ar-headline-sign", "ar", PUB,
     "مصر والأردن توقعان اتفاقية للربط الكهربائي\n"
     "وقعت مصر والأردن اليوم الثلاثاء في عمّان اتفاقية لتوسيع الربط الكهربائي بين البلدين بحضور وزيري "
     "الكهرباء في البلدين والسفير المصري لدى الأردن.",
     ["agreement EGY,JOR @JOR 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 27: English offices without names
    ("en-unnamed-offices", "en", PUB,
     "The Turkish president met the Egyptian foreign minister in Ankara on Monday to discuss trade.",
     ["meeting EGY,TUR @TUR 2025-11-03 occurred", "?visit EGY>TUR @TUR 2025-11-03 occurred"]),
    ("en-org-office-received", "en", PUB,
     "The GCC Secretary-General received the British ambassador in Riyadh on Monday.",
     ["meeting GBR,GCC @SAU 2025-11-03 occurred"]),
    ("en-org-chief", "en", PUB,
     "The Arab League chief met the Sudanese army commander in Cairo on Monday.",
     ["meeting ARAB_LEAGUE,SDN @EGY 2025-11-03 occurred"]),
    ("en-first-summit", "en", PUB,
     "The European Union and Egypt held their first summit in Brussels on Wednesday, agreeing to expand "
     "cooperation on energy and migration.",
     ["meeting EGY,EU @BEL 2025-10-29 occurred"]),
    # ------------------------------------------------------------------ batch 28: headline and lead read as a whole
    ("en-signing-documents", "en", PUB,
     "Ghana's President John Mahama and Ivorian President Alassane Ouattara held talks in Accra on Tuesday.\n"
     "The sides later witnessed the signing of five cooperation documents.",
     ["meeting CIV,GHA @GHA 2025-11-04 occurred", "agreement CIV,GHA @GHA 2025-11-04 occurred", "?visit CIV>GHA @GHA - occurred"]),
    ("ar-sides-sign-after-reception", "ar", PUB,
     "الرئيس الجزائري يستقبل رئيسة الوزراء الإيطالية\n"
     "استقبل رئيس الجمهورية عبد المجيد تبون أمس الاثنين رئيسة الوزراء الإيطالية جورجيا ميلوني.\n"
     "وأشرف الجانبان على توقيع عدة اتفاقيات في مجالات الطاقة والزراعة.",
     ["meeting DZA,ITA @- 2025-11-03 occurred", "agreement DZA,ITA @- 2025-11-03 occurred", "?visit ITA>DZA @DZA - occurred"]),
    ("en-negotiation-list", "en", PUB,
     "Negotiations between Egypt, Sudan and Ethiopia on the dam resumed on Monday by video link.",
     ["negotiation EGY,ETH,SDN @- 2025-11-03 occurred"]),
    ("en-negotiation-with", "en", PUB,
     "Armenia holds a fourth round of negotiations with Azerbaijan on the border.",
     ["negotiation ARM,AZE @- 2025-11-04 occurred"]),
    ("ar-ministerial-not-visit", "ar", PUB,
     "عقد مجلس التعاون الخليجي اجتماعا وزاريا في الرياض لبحث أسعار النفط.",
     []),
    # ------------------------------------------------------------------ batch 29: lists of counterparts, calls told loosely
    ("ar-calls-each-of", "ar", PUB,
     "أجرى وزير الخارجية العماني بدر البوسعيدي أمس الاثنين اتصالات هاتفية مع نظرائه في كل من دولة الكويت "
     "ومملكة البحرين والجمهورية التونسية، تناولت التطورات الإقليمية.",
     ["call KWT,OMN @- 2025-11-03 occurred", "call BHR,OMN @- 2025-11-03 occurred",
      "call OMN,TUN @- 2025-11-03 occurred"]),
    ("en-phone-exchanged-views", "en", PUB,
     "Egypt's President Abdel Fattah al-Sisi and Kenyan President William Ruto exchanged views on the phone "
     "on Sunday about the situation in Sudan.",
     ["call EGY,KEN @- 2025-11-02 occurred"]),
    ("it-phone-conversation", "it", PUB,
     "Il presidente francese Emmanuel Macron ha avuto ieri una lunga conversazione telefonica con il "
     "presidente brasiliano Lula.",
     ["call BRA,FRA @- 2025-11-03 occurred"]),
    # ------------------------------------------------------------------ batch 30: the day of an undated report
    ("en-undated-report-is-publication-day", "en", PUB,
     "Chile and Peru signed an agreement on border cooperation, the two foreign ministries said.",
     ["agreement CHL,PER @- 2025-11-04 occurred"]),
    ("en-undated-plan-stays-null", "en", PUB,
     "Chile's President will visit Peru to discuss border cooperation, his office said.",
     ["visit CHL>PER @PER - planned"]),
    ("en-undated-no-publication-day", "en", None,
     "Chile and Peru signed an agreement on border cooperation, the two foreign ministries said.",
     ["agreement CHL,PER @- - occurred"]),
    # ------------------------------------------------------------------ batch 31: ahead, not yet happened
    ("ar-itinerary-then-visits", "ar", PUB,
     "غادر وزير الخارجية المصري بدر عبد العاطي القاهرة اليوم متوجها إلى نيروبي في مستهل جولة إفريقية.\n"
     "ويبدأ عبد العاطي جولته بكينيا، ثم يزور أوغندا ورواندا.",
     ["visit EGY>KEN @KEN 2025-11-04 occurred", "visit EGY>UGA @UGA - planned", "visit EGY>RWA @RWA - planned"]),
    ("en-invitation-to-visit", "en", PUB,
     "Brazil's President Lula has accepted an invitation to visit Angola, his office said.",
     ["visit BRA>AGO @AGO - planned"]),
    ("it-visit-scheduled", "it", PUB,
     "Il presidente tedesco Frank-Walter Steinmeier ha in programma una visita in Portogallo a fine mese.",
     ["visit DEU>PRT @PRT - planned"]),
    ("ar-arrives-tomorrow-no-pub", "ar", None,
     "يصل الرئيس الكيني وليام روتو إلى أنقرة غدا الأربعاء في زيارة رسمية.",
     ["visit KEN>TUR @TUR - planned"]),
    # ------------------------------------------------------------------ batch 32: one type for one story
    ("en-call-story-talks-are-the-call", "en", PUB,
     "Turkish President Recep Tayyip Erdogan spoke by phone with German Chancellor Friedrich Merz on Monday.\n"
     "The two leaders held talks on trade and the war in Ukraine, Ankara said.",
     ["call DEU,TUR @- 2025-11-03 occurred"]),
    ("en-call-arranges-a-meeting", "en", PUB,
     "Turkish President Recep Tayyip Erdogan spoke by phone with German Chancellor Friedrich Merz on Monday.\n"
     "The two leaders agreed to meet in Berlin in December.",
     ["call DEU,TUR @- 2025-11-03 occurred", "meeting DEU,TUR @DEU - planned", "?visit TUR>DEU @DEU - planned"]),
    ("en-round-headline-meeting", "en", PUB,
     "Pakistan and Afghanistan open second round of talks in Istanbul\n"
     "The Pakistani and Afghan delegations met in Istanbul on Tuesday, the hosts said.",
     ["negotiation AFG,PAK @TUR 2025-11-04 occurred", "?visit AFG>TUR @TUR - occurred",
      "?visit PAK>TUR @TUR - occurred"]),
    # ------------------------------------------------------------------ batch 33: who travels
    ("en-left-capital-for", "en", PUB,
     "The Prime Minister left Islamabad for Beijing on Monday on a four-day official visit.",
     ["visit PAK>CHN @CHN 2025-11-03 occurred"]),
    ("ar-left-capital-heading-to", "ar", PUB,
     "غادر رئيس الحكومة العاصمة الرباط صباح اليوم متوجها إلى العاصمة الفرنسية باريس في زيارة رسمية.",
     ["visit MAR>FRA @FRA 2025-11-04 occurred"]),
    ("en-one-trip-one-direction", "en", PUB,
     "Chinese President Xi Jinping arrives in Brasilia for a state visit\n"
     "Brazilian President Lula received Xi at the Planalto palace on Tuesday, on his state visit to China's "
     "largest trading partner in Latin America.",
     ["visit CHN>BRA @BRA 2025-11-04 occurred", "?meeting BRA,CHN @BRA 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 34: "they signed", "the first visit since"
    ("en-they-signed", "en", PUB,
     "Peruvian Foreign Minister Elmer Schialer held talks with his Bolivian counterpart in Lima on Monday.\n"
     "They also signed a plan for political consultations.",
     ["meeting BOL,PER @PER 2025-11-03 occurred", "agreement BOL,PER @PER 2025-11-03 occurred",
      "?visit BOL>PER @PER - occurred"]),
    ("en-signed-decree-is-not-an-agreement", "en", PUB,
     "Russian President Vladimir Putin signed a decree on Monday on the autumn conscription.",
     []),
    ("ar-first-visit-since", "ar", PUB,
     "وصل وزير الخارجية المصري إلى الدوحة اليوم في أول زيارة لوزير خارجية مصري إلى قطر منذ توتر العلاقات "
     "بين البلدين عام 2017.",
     ["visit EGY>QAT @QAT 2025-11-04 occurred"]),
    ("en-this-week-gives-no-day", "en", PUB,
     "Chile and Peru signed an agreement on border cooperation this week, the two foreign ministries said.",
     ["agreement CHL,PER @- - occurred"]),
    ("en-lead-venue-locates-side-talks", "en", PUB,
     "Arab and Muslim leaders held a summit in Riyadh on Monday.\n"
     "Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan on the sidelines.",
     # the side talks take the summit's Monday (the lead's day for a meeting), not the publication day
     ["meeting EGY,TUR @SAU 2025-11-03 occurred", "?visit EGY>SAU @SAU - occurred", "?visit TUR>SAU @SAU - occurred"]),
    ("en-agreements-will-be-signed", "en", PUB,
     "Kenyan President William Ruto arrived in Kigali on Tuesday for talks with Rwandan President Paul Kagame.\n"
     "Five agreements will be signed during the visit, Rwandan officials said.",
     ["visit KEN>RWA @RWA 2025-11-04 occurred", "agreement KEN,RWA @RWA - planned",
      "?meeting KEN,RWA @RWA 2025-11-04 planned"]),
    # ------------------------------------------------------------------ batch 35: an office named again later
    ("ar-crown-prince-named-earlier", "ar", PUB,
     "استقبل الرئيس الإندونيسي برابوو سوبيانتو ولي العهد رئيس مجلس الوزراء الأمير محمد بن سلمان في جاكرتا.\n"
     "وتناولت المباحثات تعزيز التعاون في مجالات الطاقة والاستثمار.\n"
     "كما بحث الجانبان سبل زيادة التبادل التجاري.\n"
     "وأقيمت مراسم استقبال رسمية في القصر الرئاسي.\n"
     "ووصل ولي العهد أمس إلى جاكرتا في مستهل جولة آسيوية.",
     ["visit SAU>IDN @IDN 2025-11-03 occurred", "?meeting IDN,SAU @IDN 2025-11-04 occurred"]),
    # ------------------------------------------------------------------ batch 36: a standing committee's session is a round
    ("en-joint-committee-session", "en", PUB,
     "The Kuwaiti and Iraqi delegations met in Kuwait City on Thursday for the 12th session of their joint "
     "committee on the maritime border.",
     ["negotiation IRQ,KWT @KWT 2025-10-30 occurred", "?visit IRQ>KWT @KWT - occurred"]),
    ("en-dialogue-round-during-trip-stays-talks", "en", PUB,
     "Russian Foreign Minister Sergei Lavrov arrived in Hanoi on Monday and met his Vietnamese counterpart "
     "for the second round of their strategic dialogue.",
     ["visit RUS>VNM @VNM 2025-11-03 occurred", "?meeting RUS,VNM @VNM 2025-11-03 occurred"]),
    ("en-summit-preview-is-no-cloud-of-meetings", "en", PUB,
     "The Gulf Cooperation Council summit opens in Manama on Sunday with the leaders of Saudi Arabia, the UAE, "
     "Qatar, Kuwait, Oman and Bahrain expected to attend.",
     []),
    ("ar-mous-will-be-signed-between-the-two", "ar", PUB,
     "استقبل الرئيس المصري عبد الفتاح السيسي اليوم رئيس البرتغال في قصر الاتحادية.\n"
     "وسيتم توقيع ثلاث مذكرات تفاهم بين البلدين في مجالات الاقتصاد والنقل.",
     ["meeting EGY,PRT @EGY 2025-11-04 occurred", "agreement EGY,PRT @EGY - planned",
      "?visit PRT>EGY @EGY - occurred"]),
    ("fr-page-month-gives-the-year", "fr", None,
     " date 2020-04 Le ministre tunisien des Affaires étrangères a eu, dimanche 19 avril, un entretien "
     "téléphonique avec son homologue jordanien.",
     ["call JOR,TUN @- 2020-04-19 occurred"]),
    # ------------------------------------------------------------------ batch 37: the guest, "he will meet with", abbreviations
    ("en-visiting-guest-travels", "en", PUB,
     "Bangladeshi Prime Minister Muhammad Yunus held talks in Dhaka on Tuesday with the visiting Indian "
     "Foreign Minister.",
     ["visit IND>BGD @BGD 2025-11-04 occurred", "?meeting BGD,IND @BGD 2025-11-04 occurred"]),
    ("en-month-abbreviation-keeps-the-sentence", "en", PUB,
     "Egyptian President Abdel Fattah al-Sisi met Kenyan President William Ruto in Cairo on Nov. 3 to "
     "discuss the Nile.",
     ["meeting EGY,KEN @EGY 2025-11-03 occurred", "?visit KEN>EGY @EGY - occurred"]),
    ("en-trilateral-round-in-a-member-state", "en", PUB,
     "ADDIS ABABA, Nov 3 (ENA) - Ethiopia, Egypt and Sudan resumed their negotiations on the dam on Monday.",
     ["negotiation EGY,ETH,SDN @ETH 2025-11-03 occurred"]),
    ("en-planned-return-trip-keeps-the-talks", "en", PUB,
     "Indian Prime Minister Narendra Modi met Japanese Prime Minister Sanae Takaichi in New Delhi on Monday.\n"
     "Modi will visit Japan next year, the two sides said.",
     ["meeting IND,JPN @IND 2025-11-03 occurred", "visit IND>JPN @JPN - planned", "?visit JPN>IND @IND - occurred"]),
    ("de-headline-minister-in-country", "de", PUB,
     "Außenminister Wadephul in China\n"
     "Der Minister führt am Freitag politische Gespräche über Handel und Klima.",
     ["visit DEU>CHN @CHN 2025-11-04 occurred", "?meeting CHN,DEU @CHN - planned"]),
    ("en-headline-without-a-second-state", "en", PUB,
     "Lavrov in talks marathon\nThe minister spoke for six hours about trade.",
     []),
    ("de-receiver-after-the-visit-noun-is-the-host", "de", PUB,
     "Bundespräsident Frank-Walter Steinmeier wird am Freitag den polnischen Präsidenten zu einem "
     "Abschiedsbesuch empfangen.",
     ["visit POL>DEU @DEU 2025-11-07 planned", "?meeting DEU,POL @DEU 2025-11-07 planned"]),
]


def _parse(spec: str) -> dict:
    optional = spec.startswith("?")
    etype, parts, loc, date, status = spec.lstrip("?").split()
    actor = target = None
    if ">" in parts:
        actor, target = parts.split(">")
        participants = sorted([actor, target])
    else:
        participants = sorted(parts.split(","))
    return {"type": etype, "participants": participants, "actor": actor, "target": target,
            "location": None if loc == "@-" else loc[1:], "date": None if date == "-" else date,
            "status": status, "optional": optional}


def _key(ev: dict) -> tuple:
    return (ev["type"], tuple(sorted(ev["participants"])), ev.get("actor"), ev.get("target"))


def _predict(case) -> dict:
    cid, lang, published, text, _ = case
    line = json.dumps({"id": cid, "url": None, "source": "test", "published_at": published, "text": text},
                      ensure_ascii=False).encode("utf-8")
    ids, outcomes = predict_inprocess([line])
    return to_predictions(ids, outcomes)[0]


def check(case) -> list[str]:
    """Differences between the pipeline's output and the expected events (empty = right)."""
    cid, lang, _, _, specs = case
    pred = _predict(case)
    problems = []
    if pred.get("language") != lang:
        problems.append(f"language {pred.get('language')} != {lang}")
    gold = [_parse(s) for s in specs]
    required = {_key(g): g for g in gold if not g["optional"]}
    optional = {_key(g) for g in gold if g["optional"]}
    got = {}
    for ev in pred["events"]:
        got.setdefault(_key(ev), ev)
    for k, g in required.items():
        ev = got.get(k)
        if ev is None:
            problems.append(f"missing {k}")
            continue
        for field in ("location", "date", "status"):
            if ev.get(field) != g[field]:
                problems.append(f"{k} {field} {ev.get(field)!r} != {g[field]!r}")
    for k in got:
        if k not in required and k not in optional:
            problems.append(f"spurious {k}")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_generalise(case):
    assert check(case) == []


if __name__ == "__main__":  # python tests/test_events_generalise.py: one line per article
    bad = 0
    for c in CASES:
        p = check(c)
        bad += bool(p)
        print(("OK  " if not p else "BAD ") + c[0] + ("" if not p else "  " + "; ".join(p)))
    print(f"{len(CASES) - bad}/{len(CASES)} right")
