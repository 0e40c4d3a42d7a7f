import type { JSONContent } from "@tiptap/core";
import { doc, p, h, bold, italic, link, ul, ol, quote, hr, infoBox, signature } from "@/lib/content/build";

/**
 * Made-up demo content for Exempelby kommun: two newsletter issues, the chief's blog,
 * a blog written by several staff members and a calendar.
 * All dates are relative to the seed date, so the texts avoid months, seasons and years.
 */

export type DemoAuthor = { email?: string; name: string; title: string };

export type DemoArticle = {
  title: string;
  lead: string;
  /** For search results and link previews; most texts have none and show their lead. */
  description?: string;
  placement: "column" | "article";
  authors: DemoAuthor[];
  tags: string[];
  body: JSONContent;
};

export type DemoIssue = {
  monthsAgo: number;
  articles: DemoArticle[];
};

export type DemoPost = {
  daysAgo: number;
  title: string;
  lead: string;
  description?: string;
  authors: DemoAuthor[];
  tags: string[];
  body: JSONContent;
  /** A *Rättelse* published the day after the post. */
  correction?: string;
};

export type DemoEvent = {
  title: string;
  daysFromNow: number;
  startTime?: string;
  endTime?: string;
  durationDays?: number;
  place: string;
  description: string;
  link?: string;
  cancelled?: boolean;
  /** An RRULE value: the event recurs from its start (lib/calendar/recurrence). */
  recurrence?: string;
};

// The three demo users who write content; the emails must match lib/demo/demo-users.ts.
const SARA: DemoAuthor = { email: "skribent@exempelby.test", name: "Sara Lind", title: "Planarkitekt" };
const JONAS: DemoAuthor = { email: "redaktor@exempelby.test", name: "Jonas Berg", title: "Informatör" };
const KARIN: DemoAuthor = { email: "utgivare@exempelby.test", name: "Karin Holm", title: "Kommunchef" };

const LENA: DemoAuthor = { name: "Lena Ek", title: "Rektor Exempelbyskolan" };
const AHMED: DemoAuthor = { name: "Ahmed Yilmaz", title: "Internationell samordnare" };
const MARIA: DemoAuthor = { name: "Maria Nyström", title: "Enhetschef Solgården" };
const ELIN: DemoAuthor = { name: "Elin Sjöberg", title: "Bibliotekarie" };
const PER: DemoAuthor = { name: "Per Lindqvist", title: "Säkerhetssamordnare" };
const ERIK: DemoAuthor = { name: "Erik Dahl", title: "Gatuchef" };

function signedBy(author: DemoAuthor): JSONContent {
  return signature(author.name, author.title);
}

// ---------------------------------------------------------------------------------------------
// Issue published about a month before the seed date
// ---------------------------------------------------------------------------------------------

const issueLastMonth: DemoIssue = {
  monthsAgo: 1,
  articles: [
    {
      title: "Nära till beslut – och nära till varandra",
      lead: "I en liten kommun är vägen kort mellan den som har en idé och den som kan göra något åt den. Det är en styrka som vi ska vårda.",
      placement: "column",
      authors: [KARIN],
      tags: ["kommunchef", "service", "demokrati"],
      body: doc(
        p("Välkommen till ett nytt nummer av Kommunbladet! Här berättar vi om det som händer i kommunens verksamheter – och om människorna som får det att hända."),
        p(
          "Ibland får jag frågan vad som är det bästa med att arbeta i en kommun med sex tusen invånare. Mitt svar är nästan alltid detsamma: närheten. ",
          "Här känner rektorn ofta föräldrarna, planarkitekten vet vem som äger marken nere vid vattnet och kommunchefen kan bli stoppad vid mjölkhyllan med en fråga om gatubelysningen. Det tycker jag om.",
        ),
        p(
          "Närheten gör också att vi märker snabbt när något inte fungerar. Det är en förmån, men den kräver något av oss. Vi måste vara lätta att nå, svara begripligt och våga säga när vi inte har något svar ännu. ",
          "Därför ser vi just nu över hur vi tar emot frågor och synpunkter, så att ingen ska behöva undra om ett mejl har kommit fram.",
        ),
        p(
          "I det här numret kan du läsa om den nya detaljplanen för bostäder i Norrbäcken, där vi gärna vill höra vad du tycker innan något är bestämt. ",
          "Du får också möta Lena Ek, ny rektor på Exempelbyskolan, och läsa om språkcaféet i Kulturhuset som har blivit en mötesplats för både nya och gamla exempelbybor.",
        ),
        p(
          "Till sist vill jag tacka alla medarbetare som varje dag gör det lilla extra – i hemtjänsten, i skolköket, på biblioteket och i växeln. Det syns inte alltid utåt, men det märks. ",
          "Hör gärna av dig till mig om du har tankar om kommunen. Min dörr står öppen, och min e-post likaså.",
        ),
        signedBy(KARIN),
      ),
    },
    {
      title: "Nya bostäder vid Storsjön – tyck till om detaljplanen för Norrbäcken",
      lead: "Kommunen tar fram en detaljplan som kan ge plats för ett tjugotal nya bostäder i Norrbäcken. Nu är förslaget ute på samråd, och vi vill veta vad du tycker.",
      placement: "article",
      authors: [SARA],
      tags: ["samhällsbyggnad", "bostäder", "detaljplan", "norrbäcken"],
      body: doc(
        p(
          "Efterfrågan på bostäder i kommunen har ökat de senaste åren. Många hör av sig och frågar efter tomter nära vatten, och flera av de större arbetsgivarna har svårt att rekrytera eftersom det saknas lägenheter. ",
          "Kommunstyrelsen har därför gett i uppdrag att ta fram en ny detaljplan för området mellan bygdegården i Norrbäcken och Storsjön.",
        ),
        h(3, "Vad föreslår planen?"),
        p(
          "Förslaget ger plats för ett tjugotal bostäder: både villatomter och ett par mindre hus med hyreslägenheter. Strandområdet närmast sjön ska fortsatt vara tillgängligt för alla, och gångstigen längs vattnet blir kvar. ",
          "Planen pekar också ut en ny lekplats och en gång- och cykelväg till busshållplatsen.",
        ),
        h(3, "Vad är ett samråd?"),
        p(
          "Samrådet är det första tillfället då alla kan se förslaget och lämna synpunkter. Det är alltså inte ett färdigt beslut. ",
          "Vi sammanställer synpunkterna, och förslaget kan ändras innan det går vidare till granskning och till sist till beslut i kommunfullmäktige.",
        ),
        h(3, "Så lämnar du synpunkter"),
        p(
          "Du hittar planhandlingarna på ",
          link("kommunens sida om detaljplanen", "https://exempelby.example/detaljplaner/norrbacken"),
          " och i entrén till Kulturhuset. Du kan lämna synpunkter via webbformuläret eller skicka dem med vanlig post till kommunen.",
        ),
        p(
          "Vi ordnar också ett informationsmöte i Norrbäckens bygdegård, där du kan ställa frågor direkt till oss som arbetar med planen. Tiden hittar du i kommunens kalender. Välkommen!",
        ),
        signedBy(SARA),
      ),
    },
    {
      title: "Fem frågor till Lena Ek, ny rektor på Exempelbyskolan",
      lead: "Exempelbyskolan har fått en ny rektor. Vi träffade Lena Ek för att höra hur de första veckorna har varit och vad hon vill med skolan.",
      placement: "article",
      authors: [JONAS],
      tags: ["skola", "exempelbyskolan", "utbildning"],
      body: doc(
        p(
          "Lena Ek kommer närmast från en skola i en grannkommun, där hon var biträdande rektor. Nu leder hon Exempelbyskolan, som har omkring 550 elever från förskoleklass till årskurs 9.",
        ),
        p(bold("Varför sökte du dig till Exempelbyskolan?")),
        p(
          "– Jag har följt skolan på avstånd i flera år. Den är känd för sitt arbete med läsning och för att lärarna samarbetar över ämnesgränserna. ",
          "Sedan tycker jag om storleken. Här kan jag lära mig elevernas namn, och det är viktigt för mig.",
        ),
        p(bold("Vad har överraskat dig mest hittills?")),
        p(
          "– Hur mycket eleverna vill vara med och påverka. Elevrådet knackade på min dörr redan andra dagen med en lista på saker de ville prata om, allt från skolmaten till hur skolgården ser ut. Det var en riktigt bra start.",
        ),
        p(bold("Vad vill du satsa på framöver?")),
        p(
          "– Trygghet och studiero först. Barn lär sig inte om de inte känner sig trygga. Vi kommer att ha fler vuxna ute på rasterna, och vi ser över hur vi kan göra korridorerna lugnare.",
        ),
        p("– Sedan vill jag fortsätta det fina läsarbetet tillsammans med biblioteket i Kulturhuset."),
        p(bold("Hur kan vårdnadshavare hjälpa till?")),
        p("– Hör av er tidigt, både när något är bra och när något skaver. Och kom gärna på föräldramötena. Det är där vi bygger förtroende åt båda hållen."),
        p(bold("Vad gör du när du inte arbetar?")),
        p("– Jag springer, helst på stigarna runt Storsjön. Och så läser jag deckare. Det är mitt sätt att koppla av."),
        signedBy(JONAS),
      ),
    },
    {
      title: "Språkcaféet i Kulturhuset – en plats att öva svenska",
      lead: "Varje vecka träffas människor från många länder i Kulturhuset för att prata svenska över en kopp kaffe. Nu behövs fler frivilliga samtalsledare – kanske du?",
      placement: "article",
      authors: [AHMED],
      tags: ["integration", "språk", "bibliotek", "kultur"],
      body: doc(
        p(
          "Språkcaféet startade som ett litet försök i bibliotekets läshörna. I dag kommer ofta mellan tjugo och trettio deltagare. ",
          "En del har bott i Sverige i några månader, andra i många år men vill bli säkrare på att prata. Här finns inga lärare och inga prov, bara samtal om vardagen.",
        ),
        p(
          "Vi delar in oss i små grupper runt borden. Varje grupp har en samtalsledare som har svenska som modersmål eller talar språket mycket bra. ",
          "Ämnena skiftar: hur man bokar tid på vårdcentralen, vad som händer på ett utvecklingssamtal eller vilka fiskar som finns i Storsjön.",
        ),
        p("– Förut vågade jag inte prata svenska på jobbet. Nu gör jag det varje dag, säger en av deltagarna, som har kommit ända sedan starten."),
        p(
          "Vi söker fler frivilliga samtalsledare. Du behöver inga förkunskaper, bara tålamod och lust att lyssna. ",
          "Innan du börjar träffas vi för ett kort samtal, så att du vet vad som gäller och vem du kan fråga.",
        ),
        infoBox(
          "Datum, tid och plats",
          p(bold("När: "), "Varje onsdag under terminen, kl. 17.00–19.00"),
          p(bold("Var: "), "Kulturhuset, bibliotekets läshörna, Torget 1 i Exempelby"),
          p(bold("Kostnad: "), "Gratis. Vi bjuder på kaffe och fika."),
          p(bold("Kontakt: "), "Ahmed Yilmaz, via kommunens växel eller på plats i biblioteket"),
        ),
        signedBy(AHMED),
      ),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Issue published in the seed month
// ---------------------------------------------------------------------------------------------

const issueThisMonth: DemoIssue = {
  monthsAgo: 0,
  articles: [
    {
      title: "Det vi bygger tillsammans",
      lead: "Kommunen kan mycket, men inte allt. Det mesta av det som gör Exempelby till en bra plats att leva på skapar vi tillsammans med föreningar, företag och grannar.",
      placement: "column",
      authors: [KARIN],
      tags: ["kommunchef", "föreningsliv", "engagemang"],
      body: doc(
        p(
          "Den senaste tiden har jag haft förmånen att träffa många av kommunens föreningar. Idrottsklubben som fyller Exempelbyhallen nästan varje kväll, hembygdsföreningen i Åsen som håller bygdegården levande ",
          "och de frivilliga som varje vecka kommer till Solgården för att spela kort, sjunga och prata. Jag blir lika imponerad varje gång.",
        ),
        p(
          "Det är lätt att se kommunen som den som ska lösa allt. Visst har vi ett stort ansvar – för skola, omsorg, vatten, vägar och mycket mer. ",
          "Men ett samhälle blir inte levande bara för att tjänsterna fungerar. Det blir levande när människor möts, tar initiativ och bryr sig om varandra.",
        ),
        p(
          "Därför vill vi bli bättre på att stötta den som vill göra något. Vi ser nu över hur man söker föreningsbidrag, så att det blir enklare och går snabbare. ",
          "Vi vill också göra det lättare att låna kommunens lokaler på kvällar och helger. Har du synpunkter på hur det fungerar i dag tar vi gärna emot dem.",
        ),
        p(
          "I det här numret kan du läsa om hur Torget ska förnyas efter dialogen som många av er deltog i, om eleverna som läser högt på Solgården och om allt du kan låna på biblioteket utöver böcker. ",
          "Du får också konkreta råd om hur ditt hushåll kan klara sig om el eller vatten försvinner en tid.",
        ),
        p("Tack till alla som engagerar sig, i stort som smått. Det är ni som gör skillnaden."),
        signedBy(KARIN),
      ),
    },
    {
      title: "Så blir nya Torget – det här sa ni i dialogen",
      lead: "Mer än 300 exempelbybor har tyckt till om hur Torget ska se ut i framtiden. Nu finns ett förslag som bygger på era idéer.",
      placement: "article",
      authors: [SARA],
      tags: ["samhällsbyggnad", "torget", "medborgardialog", "demokrati"],
      body: doc(
        p(
          "När kommunen bjöd in till dialog om Torget kom svaren från alla håll: via webbenkäten, på lappar i Kulturhuset och i samtal vid vårt tält på loppisen. ",
          "Totalt fick vi in mer än 300 förslag, och många av dem pekade åt samma håll.",
        ),
        p("De vanligaste önskemålen var:"),
        ul(
          ["fler sittplatser, gärna med ryggstöd och både i sol och i skugga"],
          ["mer grönska – träd, planteringar och blommor"],
          ["lekfulla inslag för de minsta barnen"],
          ["bättre belysning och tryggare passager till busshållplatsen"],
          ["plats för marknader, loppisar och musik"],
          ["färre bilar mitt på torget, men parkering kvar längs kanterna"],
        ),
        p(
          "Förslaget som vi har tagit fram försöker få med så mycket som möjligt. Mitten av Torget blir en öppen yta för evenemang, med nya träd och bänkar runt om. ",
          "Parkeringen flyttas ut till kanterna, och en ny gångpassage knyter ihop Torget med Kulturhuset.",
        ),
        p(
          "Några önskemål kan vi inte uppfylla. En fontän blir till exempel för dyr att sköta. ",
          "Vi redovisar alla synpunkter och hur vi har hanterat dem i en sammanställning på kommunens webbplats.",
        ),
        p("Så här går arbetet vidare:"),
        ol(
          ["Kommunstyrelsen tar ställning till förslaget."],
          ["Om förslaget godkänns tar vi fram ritningar och en kostnadsberäkning."],
          ["Vi visar de färdiga ritningarna på Torget och i Kulturhuset innan bygget börjar."],
        ),
        p("Vi berättar mer om tidplanen i ett kommande nummer."),
        signedBy(SARA),
      ),
    },
    {
      title: "Femteklassare och seniorer läser tillsammans på Solgården",
      lead: "Varannan vecka kommer elever från Exempelbyskolan till Solgården för att läsa högt, spela spel och prata. Det har blivit en höjdpunkt för både unga och gamla.",
      placement: "article",
      authors: [MARIA],
      tags: ["omsorg", "äldre", "skola", "solgården"],
      body: doc(
        p(
          "Varannan vecka blir det lite extra livligt i dagrummet på Solgården. Då kommer en grupp elever från årskurs 5 på Exempelbyskolan för att läsa högt, spela spel och prata med de boende. ",
          "Det som började som ett försök har blivit en stående punkt i kalendern.",
        ),
        p(
          "Idén kom från en av våra undersköterskor, som såg hur de boende lyste upp när barnbarnen kom på besök. Samtidigt letade skolan efter sätt att låta eleverna träna på att läsa högt inför andra. ",
          "Vi pratade ihop oss, och sedan har det rullat på.",
        ),
        quote(
          p("De frågar om allt – hur det var att gå i skolan när jag var liten, vad vi lekte och om vi hade telefon hemma. När de går hem är jag trött, men på det bästa sättet."),
          p(italic("Gunnel, 91 år, boende på Solgården")),
        ),
        p(
          "Personalen märker att besöken gör skillnad även efteråt. Samtalen vid middagen handlar ofta om vad barnen berättade, ",
          "och flera boende har börjat spara tidningsurklipp och gamla fotografier att visa vid nästa träff.",
        ),
        p(
          "Eleverna har också lärt sig mycket. De har hört berättelser om hur Exempelby såg ut för sjuttio år sedan, om byskolan i Lillsjö som inte finns kvar och om timmerflottningen på Storsjön. ",
          "Nästa termin hoppas vi kunna utöka samarbetet till fler klasser.",
        ),
        signedBy(MARIA),
      ),
    },
    {
      title: "Låna mer än böcker på biblioteket",
      lead: "Visste du att du kan låna en symaskin, en borrmaskin eller en energimätare på biblioteket? Allt du behöver är ett lånekort.",
      placement: "article",
      authors: [ELIN],
      tags: ["bibliotek", "kultur", "hållbarhet"],
      body: doc(
        p(
          "Biblioteket i Kulturhuset har länge lånat ut mer än böcker: ljudböcker, filmer, tidskrifter och e-böcker. Nu har vi tagit nästa steg och byggt upp ett prylbibliotek. ",
          "Tanken är enkel. Många saker använder vi bara några gånger om året, och då är det både billigare och bättre för miljön att dela på dem.",
        ),
        p("Det här kan du låna just nu:"),
        ul(
          ["borrmaskin, skruvdragare och en enkel verktygslåda"],
          ["symaskin och overlockmaskin"],
          ["projektor och högtalare till föreningsmöten och kalas"],
          ["energimätare som visar hur mycket el dina apparater drar"],
          ["brädspel för hela familjen"],
          ["läsplatta med förstoring för dig som har svårt att läsa vanlig text"],
        ),
        p(
          "Lånetiden är två veckor, och det kostar ingenting. Lånekort skaffar du i lånedisken om du visar legitimation. ",
          "Barn under 18 år behöver en vårdnadshavares underskrift för att låna prylar.",
        ),
        p(
          "Har du förslag på något vi borde köpa in? Skriv på lappen vid disken eller berätta för oss när du är här. ",
          "Flera av sakerna i samlingen finns just tack vare tips från låntagare.",
        ),
        signedBy(ELIN),
      ),
    },
    {
      title: "Klarar ditt hushåll en vecka utan el och vatten?",
      lead: "Om strömmen eller vattnet försvinner i några dagar klarar du dig bättre om du har förberett dig. Här är några enkla råd.",
      placement: "article",
      authors: [PER],
      tags: ["krisberedskap", "säkerhet"],
      body: doc(
        p(
          "De flesta av oss tar för givet att lampan tänds och att det kommer vatten ur kranen. Men oväder, tekniska fel eller andra störningar kan göra att samhället inte fungerar som vanligt under en tid. ",
          "Då är det bra om ditt hushåll kan klara sig på egen hand i ungefär en vecka.",
        ),
        p(bold("Vatten. "), "Ha några dunkar eller flaskor med rent vatten hemma. Räkna med minst tre liter per person och dygn."),
        p(bold("Mat. "), "Välj mat som håller länge och som går att äta utan att lagas, till exempel konserver, knäckebröd och nötter."),
        p(bold("Värme. "), "Filtar, sovsäckar och varma kläder gör stor skillnad om elementen slutar fungera. Samlas gärna i ett och samma rum."),
        p(bold("Information. "), "En batteridriven radio gör att du kan ta emot viktiga meddelanden. Ha också extra batterier och en laddad powerbank."),
        hr(),
        p(
          "Kommunen har en krisledning som övar regelbundet. Vid en större händelse informerar vi på exempelby.se, i sociala medier och via lokalradion. Solgården och vattenverket har reservkraft. ",
          "Läs mer på ",
          link("kommunens sida om krisberedskap", "https://exempelby.example/krisberedskap"),
          ". Är du orolig för en närstående som bor ensam kan du kontakta mig via växeln.",
        ),
        signedBy(PER),
      ),
    },
  ],
};

export const demoIssues: DemoIssue[] = [issueLastMonth, issueThisMonth];

// ---------------------------------------------------------------------------------------------
// Kommunchefens blogg
// ---------------------------------------------------------------------------------------------

export const demoPosts: DemoPost[] = [
  {
    daysAgo: 2,
    title: "Elevråd, vattentryck och ett stort tack",
    correction: "I en tidigare version stod det att ett fyrtiotal hushåll i Åsen fick lågt vattentryck. Det rätta är ett trettiotal hushåll.",
    lead: "En vecka som började med skarpa frågor från elevrådet och fortsatte med en pump som gav upp.",
    authors: [KARIN],
    tags: ["skola", "demokrati", "vatten", "ekonomi"],
    body: doc(
      p(
        "Den här veckan började med något av det roligaste jag vet: ett möte med elevrådet på Exempelbyskolan. Tolv elever hade förberett frågor till mig, och de var betydligt bättre pålästa än jag hade räknat med. ",
        "Varför tar det så lång tid att få nya cykelställ? Vem bestämmer över skolmaten? Och får kommunchefen bestämma vad hon vill?",
      ),
      p(
        "Den sista frågan fick mig att skratta, men den är bra. Svaret är nej. Jag ansvarar för att verksamheterna fungerar och att de politiska besluten blir verklighet, men det är de förtroendevalda som bestämmer vart kommunen ska. ",
        "Vill du veta mer om hur det går till kan du läsa ",
        link("protokollen från kommunfullmäktige", "https://exempelby.example/politik/kommunfullmaktige"),
        " eller komma och lyssna när fullmäktige sammanträder. Mötena är öppna för alla.",
      ),
      p(
        "Mitt i veckan stannade en av pumpstationerna i Åsen. Under några timmar hade ett trettiotal hushåll lågt vattentryck. Vår VA-personal var på plats inom en timme och hade en reservpump igång före kvällen. ",
        "Det syns sällan när allt fungerar, så jag säger det här: tack för att ni alltid ställer upp.",
      ),
      p(
        "Resten av veckan har mycket handlat om ekonomin. Precis som många andra kommuner ser vi att kostnaderna för omsorgen växer snabbare än intäkterna. Det kräver prioriteringar, och jag tror att vi gör dem bäst om vi är öppna med läget. ",
        "Därför finns nu ",
        link("en kort sammanfattning av kommunens ekonomi", "https://exempelby.example/ekonomi"),
        " som vi ska hålla uppdaterad.",
      ),
      p("Nu väntar helgen. Jag ska läsa klart en bok som har legat på nattduksbordet alldeles för länge och ta en lång promenad längs Storsjön. Ha det fint!"),
      p("/Karin"),
    ),
  },
  {
    daysAgo: 9,
    title: "En kväll med nattpersonalen på Solgården",
    lead: "Jag följde nattpersonalen på Solgården under några timmar. Det lärde mig mer än många möten.",
    authors: [KARIN],
    tags: ["omsorg", "solgården", "arbetsmiljö"],
    body: doc(
      p(
        "Den här veckan gjorde jag något som jag har tänkt göra länge: jag följde nattpersonalen på Solgården under några timmar. ",
        "Jag kom dit strax efter tio på kvällen, fick låna en arbetströja och gick med på rundorna.",
      ),
      p(
        "Natten är en annan värld. Lugnare, men inte stilla. Någon sover oroligt, någon behöver hjälp att vända sig, någon annan vill bara ha sällskap en stund. ",
        "Personalen rör sig tyst och säkert och vet precis vem som vill ha dörren på glänt och vem som vill ha en kopp varm mjölk.",
      ),
      p(
        "Två saker tar jag med mig. Den första är hur mycket kunskap som finns hos dem som arbetar natt – kunskap som inte alltid når oss som sitter i möten på dagtid. ",
        "Den andra är att små saker i arbetsmiljön spelar stor roll. Bättre belysning i korridoren och ett larm som inte piper i onödan skulle göra skillnad direkt. Det har vi nu börjat titta på.",
      ),
      p(
        "Jag vill att fler chefer gör samma sak. Ledningsgruppen har därför bestämt att var och en av oss ska göra minst ett sådant besök varje halvår, i en verksamhet som vi inte själva ansvarar för. ",
        "Tanken finns redan i ",
        link("kommunens arbetsmiljöpolicy", "https://exempelby.example/medarbetare/arbetsmiljo"),
        ", där det står att vi ska känna till varandras vardag. Nu ska det också märkas.",
      ),
      p(
        "Är du intresserad av att arbeta i omsorgen? Vi behöver fler undersköterskor, och det finns både fasta tjänster och timanställningar. Läs mer på ",
        link("sidan om lediga jobb", "https://exempelby.example/jobb"),
        ".",
      ),
      p("/Karin"),
    ),
  },
  {
    daysAgo: 16,
    title: "Vad tycker exempelbyborna?",
    lead: "Resultaten från medborgarundersökningen är här. Mycket är glädjande, men det finns saker vi måste bli bättre på.",
    authors: [KARIN],
    tags: ["demokrati", "medborgardialog", "service"],
    body: doc(
      p(
        "I veckan kom resultaten från vår senaste medborgarundersökning. Drygt tusen exempelbybor svarade på frågor om hur det är att bo och leva i kommunen, ",
        "och jag har ägnat flera kvällar åt att läsa både siffrorna och de fritt skrivna svaren.",
      ),
      p(
        "Först det glädjande: nästan nio av tio trivs bra eller mycket bra i kommunen. Skolan, biblioteket och naturen runt Storsjön får höga betyg. ",
        "Många skriver att de uppskattar lugnet och att man känner varandra.",
      ),
      p(
        "Sedan det vi måste bli bättre på. Många tycker att det är svårt att få kontakt med kommunen och att det tar för lång tid att få svar. Det stämmer tyvärr med vad vi själva ser. ",
        "Ett annat område är kollektivtrafiken, särskilt för den som bor i Lillsjö eller Åsen och vill ta sig till Exempelby utan bil. Den frågan ligger inte helt i våra händer, men vi ska driva den vidare.",
      ),
      p(
        "Med det första har vi redan börjat. Från och med nu ska alla som mejlar kommunen få svar inom två arbetsdagar, även om svaret bara är att vi behöver mer tid. ",
        "Det låter kanske litet, men det är ett löfte som vi ska kunna hålla.",
      ),
      p(
        "Hela rapporten finns på ",
        link("sidan om medborgarundersökningen", "https://exempelby.example/medborgarundersokning"),
        ". Vill du prata om resultaten finns jag och flera politiker på plats vid nästa öppna möte i Kulturhuset – se ",
        link("kommunens kalender", "https://exempelby.example/kalender"),
        ". Välkommen!",
      ),
      p("/Karin"),
    ),
  },
];

// ---------------------------------------------------------------------------------------------
// Medarbetarbloggen: staff members write about their work (the chief's blog is hers alone)
// ---------------------------------------------------------------------------------------------

export const demoStaffPosts: DemoPost[] = [
  {
    daysAgo: 5,
    title: "Så går detaljplaneprocessen till",
    lead: "Vad händer egentligen mellan en idé om nya bostäder och den dag då grävskopan kommer? En planarkitekt förklarar stegen och var du kan säga din mening.",
    description: "Från idé till bygglov: detaljplanens steg, hur lång tid de tar och när du kan lämna synpunkter.",
    authors: [SARA],
    tags: ["samhällsbyggnad", "medborgardialog"],
    body: doc(
      p(
        "Jag får ofta frågan varför det tar så lång tid innan det händer något på en tomt där kommunen har sagt att det ska byggas. ",
        "Svaret är att en detaljplan är ett juridiskt bindande beslut om hur marken får användas, och att alla som berörs ska ha en chans att tycka till innan den antas.",
      ),
      h(2, "Stegen i korthet"),
      ol(
        ["Planuppdrag: politikerna i byggnadsnämnden ger oss i uppdrag att ta fram en plan."],
        ["Samråd: vi visar ett förslag och samlar in synpunkter från grannar, myndigheter och föreningar."],
        ["Granskning: ett bearbetat förslag visas igen, och den som fortfarande har invändningar kan lämna dem skriftligt."],
        ["Antagande: byggnadsnämnden eller kommunfullmäktige beslutar, och planen vinner laga kraft om ingen överklagar."],
      ),
      p(
        "Det är under samrådet som dina synpunkter gör störst skillnad. Då är förslaget fortfarande öppet, och vi kan flytta ett hus, spara en skogsdunge eller rita om en gångväg. ",
        "I granskningsskedet är det mesta redan bestämt.",
      ),
      h(2, "Planen vid Norrbäcken"),
      p(
        "Just nu arbetar vi med planen för området nere vid Norrbäcken. Vi vill ha synpunkter på var bryggan ska ligga och hur mycket av strandängen som ska vara allmän park. ",
        "Kom till informationsmötet i Kulturhuset, eller mejla oss om du inte har möjlighet att komma.",
      ),
      signedBy(SARA),
    ),
  },
  {
    daysAgo: 12,
    title: "Språkcaféet fyller biblioteket varje torsdag",
    lead: "Varje torsdag träffas nyanlända och exempelbybor på biblioteket för att prata svenska. Det har blivit veckans mest välbesökta stund.",
    authors: [ELIN],
    tags: ["bibliotek", "integration"],
    body: doc(
      p("När vi startade språkcaféet kom fyra personer första gången. Nu är vi ofta över trettio, och vi har fått ställa fram bord i barnavdelningen för att alla ska få plats."),
      p(
        "Upplägget är enkelt. Vi dukar fram kaffe och bullar, och varje bord får ett samtalsämne: mat, arbete, väder, vad man gjorde i helgen. ",
        "Volontärerna är pensionärer, gymnasieelever och några av mina kollegor som kommer efter jobbet. Ingen behöver förbereda något, och ingen blir rättad mitt i en mening.",
      ),
      quote(p("Här vågar jag prata fast jag gör fel. Det vågar jag inte i affären än.")),
      p(
        "Det citatet fick jag av en av deltagarna förra veckan, och det säger mycket om varför vi håller på. ",
        "Vill du vara volontär en torsdag? Hör av dig till biblioteket, så berättar vi mer.",
      ),
      signedBy(ELIN),
    ),
  },
  {
    daysAgo: 23,
    title: "Tre kollegor om en tryggare kommun",
    lead: "Trygghet handlar om mycket mer än larm och poliser. Tre kollegor berättar hur de arbetar för att du ska känna dig trygg i Exempelby kommun.",
    authors: [ERIK, SARA, LENA],
    tags: ["trygghet", "samhällsbyggnad", "skola", "gator"],
    body: doc(
      p(italic("Tre kollegor från tre förvaltningar berättar hur de på olika sätt arbetar med trygghet.")),
      h(2, "Ljus längs gång- och cykelvägarna"),
      p(
        "När vi frågar invånarna var de känner sig otrygga nämner många samma sak: dåligt upplysta gång- och cykelvägar. ",
        "Därför byter vi nu ut gammal belysning mot LED längs flera sträckor, bland annat mellan Exempelbyskolan och Exempelbyhallen.",
      ),
      p(
        "Den nya belysningen ger ett jämnare ljus och drar betydligt mindre el. På några ställen sätter vi också upp nya stolpar där det tidigare har varit mörka partier. ",
        "Ser du en lampa som inte fungerar? Gör en felanmälan på webbplatsen, så åtgärdar vi det så snart vi kan.",
      ),
      signedBy(ERIK),
      h(2, "Trygghet börjar redan i planeringen"),
      p(
        "Hur ett område är planerat påverkar hur det känns att röra sig där. Öppna siktlinjer, entréer mot gatan och platser där människor rör sig under dygnets alla timmar gör att fler känner sig trygga. ",
        "Det tänker vi på redan när vi ritar en ny detaljplan.",
      ),
      p(
        "Ett bra exempel är trygghetsvandringen i Åsen, som vi gjorde tillsammans med boende och polisen. Vi gick runt i byn en kväll och antecknade allt från buskage som skymmer sikten till en busskur utan belysning. ",
        "Flera av åtgärderna är redan genomförda.",
      ),
      signedBy(SARA),
      h(2, "En trygg skoldag"),
      p(
        "I skolan handlar trygghet om relationer. Eleverna ska veta att det alltid finns en vuxen att vända sig till. ",
        "Därför har vi infört rastvärdar i gula västar, och vi har gjort om schemat så att fler vuxna finns i korridorerna mellan lektionerna.",
      ),
      p(
        "Vi tar också vara på elevernas egna erfarenheter. Varje termin svarar alla elever på en enkät om var på skolan de känner sig trygga och otrygga. ",
        "Svaren går vi igenom tillsammans med elevrådet, och de har redan lett till flera förändringar – bland annat bättre belysning vid cykelstället.",
      ),
      signedBy(LENA),
    ),
  },
];

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

export const demoEvents: DemoEvent[] = [
  {
    title: "Kommunfullmäktige sammanträder",
    daysFromNow: -22,
    startTime: "18:00",
    endTime: "21:00",
    place: "Kulturhuset, Stora salen",
    description: "Kommunfullmäktiges sammanträde är öppet för allmänheten. Du kan också följa mötet via webbsändning.",
    link: "https://exempelby.example/politik/kommunfullmaktige",
  },
  {
    title: "Loppis på Torget",
    daysFromNow: -8,
    startTime: "10:00",
    endTime: "14:00",
    place: "Torget, Exempelby",
    description: "Fynda, sälj och fika. Boka ett bord gratis via Kulturhusets reception. Intäkterna från fikat går till skolans elevråd.",
  },
  {
    title: "Informationsmöte om detaljplanen för Norrbäcken",
    daysFromNow: 5,
    startTime: "18:30",
    endTime: "20:00",
    place: "Norrbäckens bygdegård",
    description: "Planarkitekten berättar om förslaget till nya bostäder vid Storsjön och svarar på frågor. Kaffe finns från kl. 18.00.",
    link: "https://exempelby.example/detaljplaner/norrbacken",
  },
  {
    title: "Språkcafé på biblioteket",
    daysFromNow: 2,
    startTime: "15:00",
    endTime: "17:00",
    place: "Kulturhuset, biblioteket",
    description: "Öva svenska över en kopp kaffe. Volontärer och bibliotekarier samtalar med dig på din nivå. Ingen anmälan, kom när du vill.",
    recurrence: "FREQ=WEEKLY;INTERVAL=1;COUNT=12",
  },
  {
    title: "Bokcirkel på biblioteket",
    daysFromNow: 8,
    startTime: "18:00",
    endTime: "19:30",
    place: "Kulturhuset, biblioteket",
    description: "Vi pratar om månadens bok, en roman som utspelar sig i en liten bruksort. Boken kan lånas i lånedisken. Ingen anmälan behövs.",
  },
  {
    title: "Seniordans på Solgården",
    daysFromNow: 12,
    startTime: "14:00",
    endTime: "16:00",
    place: "Solgården, matsalen",
    description: "Dans till levande musik med ett lokalt dansband. Öppet för alla seniorer, inte bara för dig som bor på Solgården. Fika ingår.",
  },
  {
    title: "Föräldramöte för årskurs 7",
    daysFromNow: 15,
    startTime: "18:00",
    endTime: "19:30",
    place: "Exempelbyskolan, aulan",
    description: "Information om högstadiet, schema, elevhälsa och trygghetsarbete. Mentorerna finns på plats efteråt för frågor.",
  },
  {
    title: "Föreläsning: Så känner du igen bedrägeriförsök",
    daysFromNow: 19,
    startTime: "14:00",
    endTime: "15:30",
    place: "Kulturhuset, Stora salen",
    description: "Föreläsningen är inställd på grund av sjukdom. Vi återkommer med en ny tid.",
    cancelled: true,
  },
  {
    title: "Öppet hus på kulturskolan",
    daysFromNow: 24,
    startTime: "16:00",
    endTime: "19:00",
    place: "Kulturhuset, kulturskolan",
    description: "Prova på instrument, dans och teater. Lärarna visar vad du kan gå på nästa termin, och du kan anmäla dig på plats.",
    link: "https://exempelby.example/kulturskolan",
  },
  {
    title: "Simskola för barn 5–7 år",
    daysFromNow: 30,
    durationDays: 5,
    startTime: "09:00",
    endTime: "10:00",
    place: "Exempelbyhallen, simhallen",
    description: "Fem dagar i rad med lek och övningar i vattnet för barn som vill bli trygga i vatten. Begränsat antal platser, anmälan krävs.",
    link: "https://exempelby.example/simskola",
  },
  {
    title: "Kommunfullmäktige sammanträder",
    daysFromNow: 40,
    startTime: "18:00",
    endTime: "21:00",
    place: "Kulturhuset, Stora salen",
    description: "Öppet sammanträde. Handlingarna publiceras på webbplatsen en vecka före mötet. Allmänhetens frågestund inleder mötet.",
    link: "https://exempelby.example/politik/kommunfullmaktige",
  },
  {
    title: "Trygghetsvandring i Lillsjö",
    daysFromNow: 48,
    startTime: "19:00",
    endTime: "20:30",
    place: "Lillsjö, samling vid bygdegården",
    description: "Gå med och visa var du känner dig trygg eller otrygg i byn. Kommunen, polisen och bygdeföreningen deltar.",
  },
  {
    title: "Företagarfrukost",
    daysFromNow: 62,
    startTime: "07:30",
    endTime: "09:00",
    place: "Kulturhuset, caféet",
    description: "Frukost och nätverkande för företagare i kommunen. Kommunchefen berättar om aktuella planer för bostäder och näringsliv. Anmälan senast tre dagar innan.",
    link: "https://exempelby.example/naringsliv",
  },
];
