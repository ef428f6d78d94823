-- CreateEnum
CREATE TYPE "ChampionKind" AS ENUM ('person', 'organisation');

-- CreateEnum
CREATE TYPE "ChampionStage" AS ENUM ('identified', 'invited', 'committed', 'active', 'stepped_back');

-- CreateEnum
CREATE TYPE "ChampionSource" AS ENUM ('manual', 'csv', 'nomination');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('in_person', 'phone', 'email', 'written', 'nomination');

-- CreateTable
CREATE TABLE "Audience" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Audience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudienceMessenger" (
    "audienceId" TEXT NOT NULL,
    "championId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AudienceMessenger_pkey" PRIMARY KEY ("audienceId","championId")
);

-- CreateTable
CREATE TABLE "Champion" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "kind" "ChampionKind" NOT NULL DEFAULT 'person',
    "name" TEXT NOT NULL,
    "role" TEXT,
    "stakeholderGroupId" TEXT,
    "schoolId" TEXT,
    "affiliation" TEXT,
    "languages" TEXT[],
    "reach" TEXT,
    "audienceSize" INTEGER,
    "influence" INTEGER,
    "support" INTEGER,
    "email" TEXT,
    "phone" TEXT,
    "contactOther" TEXT,
    "consentGiven" BOOLEAN NOT NULL DEFAULT false,
    "consentAt" TIMESTAMP(3),
    "consentMethod" "ConsentMethod",
    "notes" TEXT,
    "tags" TEXT[],
    "stage" "ChampionStage" NOT NULL DEFAULT 'identified',
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "ChampionSource" NOT NULL DEFAULT 'manual',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Champion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChampionStageEvent" (
    "id" TEXT NOT NULL,
    "championId" TEXT NOT NULL,
    "fromStage" "ChampionStage",
    "toStage" "ChampionStage" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChampionStageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChampionCriterion" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChampionCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChampionCriterionCheck" (
    "championId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChampionCriterionCheck_pkey" PRIMARY KEY ("championId","criterionId")
);

-- CreateTable
CREATE TABLE "ChampionNomination" (
    "nominationId" TEXT NOT NULL,
    "championId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChampionNomination_pkey" PRIMARY KEY ("nominationId")
);

-- CreateTable
CREATE TABLE "WorkshopCoHost" (
    "workshopId" TEXT NOT NULL,
    "championId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopCoHost_pkey" PRIMARY KEY ("workshopId","championId")
);

-- CreateTable
CREATE TABLE "_AudienceToStakeholderGroup" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AudienceToStakeholderGroup_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Audience_districtId_position_idx" ON "Audience"("districtId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Audience_districtId_name_key" ON "Audience"("districtId", "name");

-- CreateIndex
CREATE INDEX "AudienceMessenger_championId_idx" ON "AudienceMessenger"("championId");

-- CreateIndex
CREATE INDEX "Champion_districtId_stage_idx" ON "Champion"("districtId", "stage");

-- CreateIndex
CREATE INDEX "Champion_districtId_name_idx" ON "Champion"("districtId", "name");

-- CreateIndex
CREATE INDEX "ChampionStageEvent_championId_at_idx" ON "ChampionStageEvent"("championId", "at");

-- CreateIndex
CREATE INDEX "ChampionCriterion_districtId_position_idx" ON "ChampionCriterion"("districtId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ChampionCriterion_districtId_name_key" ON "ChampionCriterion"("districtId", "name");

-- CreateIndex
CREATE INDEX "ChampionCriterionCheck_criterionId_idx" ON "ChampionCriterionCheck"("criterionId");

-- CreateIndex
CREATE INDEX "ChampionNomination_championId_idx" ON "ChampionNomination"("championId");

-- CreateIndex
CREATE INDEX "WorkshopCoHost_championId_idx" ON "WorkshopCoHost"("championId");

-- CreateIndex
CREATE INDEX "_AudienceToStakeholderGroup_B_index" ON "_AudienceToStakeholderGroup"("B");

-- AddForeignKey
ALTER TABLE "Audience" ADD CONSTRAINT "Audience_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceMessenger" ADD CONSTRAINT "AudienceMessenger_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceMessenger" ADD CONSTRAINT "AudienceMessenger_championId_fkey" FOREIGN KEY ("championId") REFERENCES "Champion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Champion" ADD CONSTRAINT "Champion_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Champion" ADD CONSTRAINT "Champion_stakeholderGroupId_fkey" FOREIGN KEY ("stakeholderGroupId") REFERENCES "StakeholderGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Champion" ADD CONSTRAINT "Champion_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChampionStageEvent" ADD CONSTRAINT "ChampionStageEvent_championId_fkey" FOREIGN KEY ("championId") REFERENCES "Champion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChampionCriterion" ADD CONSTRAINT "ChampionCriterion_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChampionCriterionCheck" ADD CONSTRAINT "ChampionCriterionCheck_championId_fkey" FOREIGN KEY ("championId") REFERENCES "Champion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChampionCriterionCheck" ADD CONSTRAINT "ChampionCriterionCheck_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ChampionCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChampionNomination" ADD CONSTRAINT "ChampionNomination_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChampionNomination" ADD CONSTRAINT "ChampionNomination_championId_fkey" FOREIGN KEY ("championId") REFERENCES "Champion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopCoHost" ADD CONSTRAINT "WorkshopCoHost_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopCoHost" ADD CONSTRAINT "WorkshopCoHost_championId_fkey" FOREIGN KEY ("championId") REFERENCES "Champion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AudienceToStakeholderGroup" ADD CONSTRAINT "_AudienceToStakeholderGroup_A_fkey" FOREIGN KEY ("A") REFERENCES "Audience"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AudienceToStakeholderGroup" ADD CONSTRAINT "_AudienceToStakeholderGroup_B_fkey" FOREIGN KEY ("B") REFERENCES "StakeholderGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Districts created before this migration get the default criteria and audiences,
-- as app/champions/defaults.server.ts gives every new district.
INSERT INTO "ChampionCriterion" ("id", "districtId", "key", "name", "description", "position")
SELECT 'crit' || md5(d."id" || ':' || c."key"), d."id", c."key", c."name", c."description", c."position"
FROM "District" d
CROSS JOIN (VALUES
    ('credibility', 'Credibility with their group', 'Is this person trusted and listened to by the people they would speak to?', 0),
    ('passion', 'Passion for the vision', 'Do they care about personalized, competency-based learning and want to see it happen?', 1),
    ('reach', 'Reach into groups the district hears least from', 'Can they bring in voices that rarely come to school meetings?', 2),
    ('communication', 'Ability to communicate', 'Can they explain the vision clearly, in their own words and languages?', 3),
    ('availability', 'Availability', 'Do they have the time to take part over the months ahead?', 4)
) AS c("key", "name", "description", "position");

INSERT INTO "Audience" ("id", "districtId", "key", "name", "position")
SELECT 'aud' || md5(d."id" || ':' || a."key"), d."id", a."key", a."name", a."position"
FROM "District" d
CROSS JOIN (VALUES
    ('families', 'Families', 0),
    ('students', 'Students', 1),
    ('teachers_staff', 'Teachers and staff', 2),
    ('school_leaders', 'School leaders', 3),
    ('partners', 'Business and community partners', 4),
    ('higher_education', 'Higher education', 5),
    ('board', 'Board', 6),
    ('media', 'Media', 7)
) AS a("key", "name", "position");

INSERT INTO "_AudienceToStakeholderGroup" ("A", "B")
SELECT a."id", g."id"
FROM "Audience" a
JOIN "StakeholderGroup" g ON g."districtId" = a."districtId"
JOIN (VALUES
    ('families', 'families'),
    ('students', 'students'),
    ('teachers_staff', 'teachers'),
    ('teachers_staff', 'school_staff'),
    ('school_leaders', 'school_leaders'),
    ('partners', 'partners'),
    ('higher_education', 'higher_education'),
    ('board', 'board')
) AS m("audienceKey", "groupKey") ON m."audienceKey" = a."key" AND m."groupKey" = g."key";
