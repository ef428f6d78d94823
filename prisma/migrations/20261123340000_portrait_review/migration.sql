-- CreateEnum
CREATE TYPE "PortraitPublicationStage" AS ENUM ('review', 'adopted');

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "ideaId" TEXT,
    "themeId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id"),
    -- Prisma does not model this rule: a link cites one idea or one theme, never both or neither.
    CONSTRAINT "EvidenceLink_one_source" CHECK (("ideaId" IS NULL) <> ("themeId" IS NULL))
);

-- CreateTable
CREATE TABLE "PortraitPublication" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "stage" "PortraitPublicationStage" NOT NULL,
    "feedbackOpen" BOOLEAN NOT NULL DEFAULT true,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortraitPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencyFeedback" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompetencyFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidenceLink_ideaId_idx" ON "EvidenceLink"("ideaId");

-- CreateIndex
CREATE INDEX "EvidenceLink_themeId_idx" ON "EvidenceLink"("themeId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceLink_districtId_competencyId_ideaId_key" ON "EvidenceLink"("districtId", "competencyId", "ideaId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceLink_districtId_competencyId_themeId_key" ON "EvidenceLink"("districtId", "competencyId", "themeId");

-- CreateIndex
CREATE UNIQUE INDEX "PortraitPublication_versionId_key" ON "PortraitPublication"("versionId");

-- CreateIndex
CREATE INDEX "PortraitPublication_districtId_publishedAt_idx" ON "PortraitPublication"("districtId", "publishedAt");

-- CreateIndex
CREATE INDEX "CompetencyFeedback_publicationId_competencyId_idx" ON "CompetencyFeedback"("publicationId", "competencyId");

-- CreateIndex
CREATE INDEX "CompetencyFeedback_districtId_createdAt_idx" ON "CompetencyFeedback"("districtId", "createdAt");

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitPublication" ADD CONSTRAINT "PortraitPublication_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitPublication" ADD CONSTRAINT "PortraitPublication_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PortraitVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitPublication" ADD CONSTRAINT "PortraitPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyFeedback" ADD CONSTRAINT "CompetencyFeedback_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyFeedback" ADD CONSTRAINT "CompetencyFeedback_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "PortraitPublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
