-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('planned', 'in_progress', 'done');

-- CreateTable
CREATE TABLE "Framework" (
    "id" TEXT NOT NULL,
    "districtId" TEXT,
    "builtInKey" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "copiedFromVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkVersion" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameworkVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dimension" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "notYet" TEXT NOT NULL,
    "emerging" TEXT NOT NULL,
    "developing" TEXT NOT NULL,
    "established" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamLead" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamLead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentCycle" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "frameworkVersionId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolAssessment" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberResponse" (
    "id" TEXT NOT NULL,
    "schoolAssessmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorRating" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "level" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsensusRating" (
    "id" TEXT NOT NULL,
    "schoolAssessmentId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsensusRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "schoolAssessmentId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "what" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATE,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'planned',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Framework_builtInKey_key" ON "Framework"("builtInKey");

-- CreateIndex
CREATE INDEX "Framework_districtId_idx" ON "Framework"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Framework_districtId_name_key" ON "Framework"("districtId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkVersion_frameworkId_number_key" ON "FrameworkVersion"("frameworkId", "number");

-- CreateIndex
CREATE INDEX "Dimension_versionId_position_idx" ON "Dimension"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Dimension_versionId_key_key" ON "Dimension"("versionId", "key");

-- CreateIndex
CREATE INDEX "Indicator_dimensionId_position_idx" ON "Indicator"("dimensionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_versionId_key_key" ON "Indicator"("versionId", "key");

-- CreateIndex
CREATE INDEX "TeamLead_districtId_idx" ON "TeamLead"("districtId");

-- CreateIndex
CREATE INDEX "TeamLead_userId_idx" ON "TeamLead"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamLead_schoolId_userId_key" ON "TeamLead"("schoolId", "userId");

-- CreateIndex
CREATE INDEX "AssessmentCycle_districtId_createdAt_idx" ON "AssessmentCycle"("districtId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentCycle_districtId_name_key" ON "AssessmentCycle"("districtId", "name");

-- CreateIndex
CREATE INDEX "SchoolAssessment_districtId_idx" ON "SchoolAssessment"("districtId");

-- CreateIndex
CREATE INDEX "SchoolAssessment_schoolId_idx" ON "SchoolAssessment"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolAssessment_cycleId_schoolId_key" ON "SchoolAssessment"("cycleId", "schoolId");

-- CreateIndex
CREATE INDEX "MemberResponse_userId_idx" ON "MemberResponse"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberResponse_schoolAssessmentId_userId_key" ON "MemberResponse"("schoolAssessmentId", "userId");

-- CreateIndex
CREATE INDEX "IndicatorRating_indicatorId_idx" ON "IndicatorRating"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorRating_responseId_indicatorId_key" ON "IndicatorRating"("responseId", "indicatorId");

-- CreateIndex
CREATE INDEX "ConsensusRating_indicatorId_idx" ON "ConsensusRating"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsensusRating_schoolAssessmentId_indicatorId_key" ON "ConsensusRating"("schoolAssessmentId", "indicatorId");

-- CreateIndex
CREATE INDEX "ActionItem_schoolAssessmentId_idx" ON "ActionItem"("schoolAssessmentId");

-- AddForeignKey
ALTER TABLE "Framework" ADD CONSTRAINT "Framework_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Framework" ADD CONSTRAINT "Framework_copiedFromVersionId_fkey" FOREIGN KEY ("copiedFromVersionId") REFERENCES "FrameworkVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkVersion" ADD CONSTRAINT "FrameworkVersion_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dimension" ADD CONSTRAINT "Dimension_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "FrameworkVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "FrameworkVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamLead" ADD CONSTRAINT "TeamLead_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamLead" ADD CONSTRAINT "TeamLead_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamLead" ADD CONSTRAINT "TeamLead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCycle" ADD CONSTRAINT "AssessmentCycle_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCycle" ADD CONSTRAINT "AssessmentCycle_frameworkVersionId_fkey" FOREIGN KEY ("frameworkVersionId") REFERENCES "FrameworkVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolAssessment" ADD CONSTRAINT "SchoolAssessment_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolAssessment" ADD CONSTRAINT "SchoolAssessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolAssessment" ADD CONSTRAINT "SchoolAssessment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberResponse" ADD CONSTRAINT "MemberResponse_schoolAssessmentId_fkey" FOREIGN KEY ("schoolAssessmentId") REFERENCES "SchoolAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberResponse" ADD CONSTRAINT "MemberResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorRating" ADD CONSTRAINT "IndicatorRating_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "MemberResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorRating" ADD CONSTRAINT "IndicatorRating_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusRating" ADD CONSTRAINT "ConsensusRating_schoolAssessmentId_fkey" FOREIGN KEY ("schoolAssessmentId") REFERENCES "SchoolAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusRating" ADD CONSTRAINT "ConsensusRating_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsensusRating" ADD CONSTRAINT "ConsensusRating_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_schoolAssessmentId_fkey" FOREIGN KEY ("schoolAssessmentId") REFERENCES "SchoolAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Levels are 1 Not yet … 4 Established; the app refuses others, the database too.
ALTER TABLE "IndicatorRating" ADD CONSTRAINT "IndicatorRating_level_check" CHECK ("level" IS NULL OR "level" BETWEEN 1 AND 4);

ALTER TABLE "ConsensusRating" ADD CONSTRAINT "ConsensusRating_level_check" CHECK ("level" BETWEEN 1 AND 4);
